using System.Globalization;

namespace LtiTool.Pages.Components;

/// <summary>How a student stands on one skill, judged on the mastery interval (docs/recommendations.md).</summary>
public enum MasteryState
{
    /// <summary>The whole interval lies below the secure threshold.</summary>
    Gap,

    /// <summary>The interval is too wide or straddles the threshold: an adaptive check can tell.</summary>
    NotEnoughEvidence,

    /// <summary>The whole interval lies at or above the secure threshold.</summary>
    Secure,
}

/// <summary>
/// One skill's mastery for <c>_MasteryBar.cshtml</c>: heading, state tag, a sentence with estimate, interval and
/// evidence count ("About 45 % · likely 30–60 % · from 6 answers"), and a decorative SVG bar (track, interval band,
/// point, dashed secure threshold). Render with
/// <c>&lt;partial name="Components/_MasteryBar" model="new MasteryBarModel(...)" /&gt;</c>.
/// </summary>
/// <param name="SkillCode">Stable code; gives the heading its id (<see cref="HeadingId"/>) for aria references.</param>
/// <param name="SkillName">What the student reads; untrusted text is encoded by Razor.</param>
/// <param name="Estimate">Point estimate in [0, 1].</param>
/// <param name="Lower">Lower end of the credible interval in [0, 1].</param>
/// <param name="Upper">Upper end of the credible interval in [0, 1].</param>
/// <param name="Evidence">How many answers or results informed it.</param>
/// <param name="State">The state shown as a tag (text, never colour alone).</param>
/// <param name="SecureThreshold">Where the dashed "secure" mark is drawn, in [0, 1].</param>
/// <param name="HeadingLevel">2–4: the level the skill name takes in the page outline.</param>
public sealed record MasteryBarModel(
    string SkillCode,
    string SkillName,
    double Estimate,
    double Lower,
    double Upper,
    int Evidence,
    MasteryState State,
    double SecureThreshold,
    int HeadingLevel = 3)
{
    /// <summary>Width of the SVG's user space; geometry below is in these units.</summary>
    public const double Width = 200;

    public string HeadingId => DomId.For("skill", SkillCode);

    public string HeadingTag => $"h{Math.Clamp(HeadingLevel, 2, 4)}";

    public static string Percent(double fraction) =>
        Math.Round(Math.Clamp(fraction, 0, 1) * 100).ToString("0", CultureInfo.InvariantCulture);

    /// <summary>SVG x of a fraction; mirrored for right-to-left pages so the bar fills from the reading start.</summary>
    public static string X(double fraction, bool rightToLeft)
    {
        var x = Math.Clamp(fraction, 0, 1) * Width;
        return (rightToLeft ? Width - x : x).ToString("0.##", CultureInfo.InvariantCulture);
    }

    /// <summary>SVG x where the interval band starts (its left edge in either direction).</summary>
    public string BandX(bool rightToLeft) => X(rightToLeft ? Upper : Lower, rightToLeft);

    /// <summary>Band width, at least 2 units so a very narrow interval stays visible.</summary>
    public string BandWidth => Math.Max(2, (Math.Clamp(Upper, 0, 1) - Math.Clamp(Lower, 0, 1)) * Width).ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>A diamond around the estimate: shape, not only colour, marks the point.</summary>
    public string PointPolygon(bool rightToLeft)
    {
        var x = double.Parse(X(Estimate, rightToLeft), CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture, $"{x:0.##},2 {x + 6:0.##},10 {x:0.##},18 {x - 6:0.##},10");
    }

    public string TagClass => State switch
    {
        MasteryState.Gap => "tag-gap",
        MasteryState.Secure => "tag-secure",
        _ => "tag-unknown",
    };

    public string BandClass => State switch
    {
        MasteryState.Gap => "mastery-band mastery-band-gap",
        MasteryState.Secure => "mastery-band mastery-band-secure",
        _ => "mastery-band",
    };
}
