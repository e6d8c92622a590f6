using Microsoft.ML.Data;

namespace EduRecLti.Knowledge.MlNet.Boosting;

/// <summary>One training or scoring row as ML.NET reads it; the vector length is set at run time by <see cref="BoostedTrees"/>.</summary>
internal sealed class FeatureRow
{
    public float[] Features { get; set; } = [];

    public bool Label { get; set; }

    public float Weight { get; set; } = 1;
}

/// <summary>What a binary LightGBM model writes for one row.</summary>
internal sealed class FeatureScore
{
    public float Score { get; set; }

    public float Probability { get; set; }
}

/// <summary>A scored row with ML.NET's per-feature contributions (<c>CalculateFeatureContribution</c>).</summary>
internal sealed class FeatureContributionRow
{
    public float Score { get; set; }

    [VectorType]
    public float[] FeatureContributions { get; set; } = [];
}
