namespace EduRecLti.Knowledge.Models.Logistic.Features;

/// <summary>
/// Column offsets of every feature group for one template and one item/skill vocabulary. Column 0 is the bias.
/// A disabled group has width 0, so offsets stay valid whatever the template.
/// </summary>
internal sealed class FeatureLayout
{
    public FeatureLayout(FeatureTemplate template, int itemCount, int skillCount)
    {
        ArgumentNullException.ThrowIfNull(template);
        ItemCount = itemCount;
        SkillCount = skillCount;
        var next = 1;
        Items = Take(ref next, template.Items ? itemCount : 0);
        Skills = Take(ref next, template.Skills ? skillCount : 0);
        ItemWins = Take(ref next, template.ItemCounts ? 1 : 0);
        ItemAttempts = Take(ref next, template.ItemCounts ? 1 : 0);
        SkillWins = Take(ref next, template.SkillWins ? skillCount : 0);
        SkillFails = Take(ref next, template.SkillFails ? skillCount : 0);
        SkillAttempts = Take(ref next, template.SkillAttempts ? skillCount : 0);
        Totals = Take(ref next, template.TotalCounts ? 2 : 0);
        Recency = Take(ref next, template.Recency ? 4 + (4 * skillCount) : 0);
        Transitions = Take(ref next, template.SkillTransitions ? 2 * skillCount * skillCount : 0);
        Windows = Take(ref next, 2 * skillCount * template.TimeWindows.Count);
        Decayed = Take(ref next, skillCount * template.DecayedRates.Count);
        Width = next;
    }

    public int ItemCount { get; }

    public int SkillCount { get; }

    public int Items { get; }

    public int Skills { get; }

    public int ItemWins { get; }

    public int ItemAttempts { get; }

    public int SkillWins { get; }

    public int SkillFails { get; }

    public int SkillAttempts { get; }

    public int Totals { get; }

    /// <summary>Overall last right/wrong, item seen before right/wrong, then per skill last right/wrong and its 2nd-last right/wrong.</summary>
    public int Recency { get; }

    public int Transitions { get; }

    public int Windows { get; }

    public int Decayed { get; }

    /// <summary>Total number of columns including the bias.</summary>
    public int Width { get; }

    private static int Take(ref int next, int width)
    {
        var start = next;
        next += width;
        return start;
    }
}
