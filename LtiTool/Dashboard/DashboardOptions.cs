using System.ComponentModel.DataAnnotations;

namespace LtiTool.Dashboard;

/// <summary>Thresholds of the class dashboard's judgements (configuration section <c>Dashboard</c>).</summary>
public sealed class DashboardOptions
{
    public const string SectionName = "Dashboard";

    /// <summary>A skill is a gap when the estimate is below this (default 0.6, the usual "secure" line of mastery tools).</summary>
    [Range(0.05, 0.95)]
    public double GapThreshold { get; set; } = 0.6;

    /// <summary>
    /// Width of the credible interval as a normal quantile (default 1.645: a 90 % interval). A gap is confident when
    /// the whole interval lies below <see cref="GapThreshold"/>.
    /// </summary>
    [Range(0.5, 4.0)]
    public double IntervalZ { get; set; } = 1.645;

    /// <summary>A student is at risk with confident gaps on at least this share of the skills that have evidence (default 0.5).</summary>
    [Range(0.05, 1.0)]
    public double AtRiskGapShare { get; set; } = 0.5;

    /// <summary>A student is at risk when their last results average this much below their first ones (default 0.25).</summary>
    [Range(0.05, 1.0)]
    public double AtRiskDecline { get; set; } = 0.25;

    /// <summary>Results taken as "first" and "last" for the decline rule (default 3 each; fewer than twice this: no decline judged).</summary>
    [Range(1, 20)]
    public int DeclineWindow { get; set; } = 3;
}
