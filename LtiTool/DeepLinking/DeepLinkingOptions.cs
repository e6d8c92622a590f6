using System.ComponentModel.DataAnnotations;

namespace LtiTool.DeepLinking;

/// <summary>Settings of the deep-linking picker and response (configuration section <c>DeepLinking</c>).</summary>
public sealed class DeepLinkingOptions
{
    public const string SectionName = "DeepLinking";

    /// <summary>
    /// Lifetime of the signed response (default 5 minutes): the platform checks it as soon as the browser posts it, so a
    /// short life limits replay (Deep Linking 2.0 §4.5; libraries use 60–600 s).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:30", "00:30:00")]
    public TimeSpan ResponseLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Most items one response may carry (default 20), whatever the picker posts.</summary>
    [Range(1, 100)]
    public int MaxItems { get; set; } = 20;

    /// <summary>Points of a graded practice set's gradebook column (default 100: scores are sent as percentages).</summary>
    [Range(1, 1000)]
    public double ScoreMaximum { get; set; } = 100;

    /// <summary>Questions in a per-skill practice set (default 10).</summary>
    [Range(1, 100)]
    public int SkillSetItems { get; set; } = 10;

    /// <summary>Expected minutes of a per-skill practice set (default 15).</summary>
    [Range(1, 240)]
    public int SkillSetMinutes { get; set; } = 15;
}
