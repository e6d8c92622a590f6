namespace EduRecLti.Knowledge.MlNet.Boosting;

/// <summary>
/// LightGBM settings of one boosted member (ML.NET <c>LightGbmBinaryTrainer</c>). Defaults were chosen on a validation
/// group of training students (docs/models.md §3.7), never on a test fold.
/// </summary>
public sealed record BoostingOptions
{
    /// <summary>Upper bound on boosting rounds; early stopping on the validation group usually ends sooner.</summary>
    public int Rounds { get; init; } = 600;

    public double LearningRate { get; init; } = 0.05;

    public int Leaves { get; init; } = 31;

    /// <summary>Minimum answers (or cells) per leaf: keeps leaves from fitting a handful of students.</summary>
    public int MinimumLeafCount { get; init; } = 100;

    public double L2 { get; init; } = 1.0;

    /// <summary>Fraction of the features each tree may use (column subsampling, seeded).</summary>
    public double FeatureFraction { get; init; } = 0.9;

    /// <summary>Rounds without validation improvement before boosting stops.</summary>
    public int EarlyStoppingRounds { get; init; } = 30;
}
