using EduRecLti.Knowledge.MlNet.Boosting;

namespace EduRecLti.Knowledge.MlNet.Items;

/// <summary>Settings of <see cref="GbmItemModel"/>.</summary>
public sealed record GbmItemOptions
{
    /// <summary>Add an Elo forecast (student ability against item and skill difficulty) as a feature, cross-fitted like the rates.</summary>
    public bool EloFeature { get; init; }

    /// <summary>Cross-fitting groups of training students (group 0 doubles as the validation group).</summary>
    public int CrossFitGroups { get; init; } = 5;

    /// <summary>Answers after a forecast over which the interval calibration measures the realised rate.</summary>
    public int IntervalWindow { get; init; } = 5;

    public BoostingOptions Boosting { get; init; } = new();
}
