using EduRecLti.Knowledge.Core;

namespace EduRecLti.Knowledge.Models.Ensemble;

/// <summary>Members and hyper-parameters of <see cref="EnsembleModel"/>.</summary>
public sealed record EnsembleOptions
{
    /// <summary>Factories of the member models; each fold gets fresh members, so nothing leaks between fits.</summary>
    public required IReadOnlyList<Func<IKnowledgeModel>> Members { get; init; }

    /// <summary>
    /// Learn a stacked skill-score forecast (<see cref="SkillForecastFeatures"/>) for the grade-level recipe. Off: the
    /// ensemble only averages its members' answer predictions (e.g. DINA + MIRT on a complete test matrix).
    /// </summary>
    public bool StackSkillForecasts { get; init; }

    /// <summary>
    /// Student groups of the cross-fitting (Wolpert 1992 stacking): members are refitted without each group, and the
    /// stacker learns only from forecasts for students the members never saw.
    /// </summary>
    public int CrossFitGroups { get; init; } = 3;

    /// <summary>Gaussian prior precision (L2) on the stacker's weights.</summary>
    public double StackPrecision { get; init; } = 1.0;

    /// <summary>
    /// Give the stacker one (shrunk) intercept per skill: the skill's base rate in the forecast regime (work after a
    /// cut-off), which differs from the all-answers difficulty the members pool.
    /// </summary>
    public bool SkillIntercepts { get; init; }

    /// <summary>
    /// With <see cref="SkillIntercepts"/>, a second (shrunk) intercept per skill for students who already practised it:
    /// how a skill's remaining work goes differs between a skill builder in progress and one not yet started.
    /// </summary>
    public bool SeenSkillIntercepts { get; init; }

    /// <summary>
    /// Map the stacked forecast through σ(a·η + b), with (a, b) chosen to minimise the absolute error on the
    /// cross-fitted training cells: the stacker estimates the mean score, MAE is minimised by the median (Koenker &amp;
    /// Bassett 1978), and the score distribution is skewed. Monotone, so gap AUC and Spearman are unchanged.
    /// </summary>
    public bool CalibrateForAbsoluteError { get; init; }

    /// <summary>
    /// Also fit the stacker as a classifier of "score ≥ threshold" on the same inputs and add its logit to the score
    /// regression's (null = off). The binary fit weighs the cells near the pass/fail boundary that the gap ranking turns
    /// on; the sum is then mapped to a score by <see cref="CalibrateForAbsoluteError"/>, which should be on with it.
    /// </summary>
    public double? ThresholdStack { get; init; }

    /// <summary>Weight of an answer k answers back in a skill's recency average (exponential decay per answer).</summary>
    public double RecencyDecay { get; init; } = 0.7;
}
