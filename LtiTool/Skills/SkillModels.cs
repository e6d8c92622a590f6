namespace LtiTool.Skills;

/// <summary>A skill (knowledge component) of a course, by its code, e.g. <c>fractions.add</c>.</summary>
public sealed record Skill(string Code, string? Name);

/// <summary>One skill of an assessment with its Q-matrix weight in (0, 1].</summary>
public sealed record SkillWeight(string Code, double Weight);

/// <summary>Where a line item's skills came from, in the order they are tried (issue 3 item 8).</summary>
public enum SkillSource
{
    /// <summary>The instructor mapped the line item.</summary>
    Instructor,

    /// <summary>The line item's <c>tag</c> is a skill code (AGS 2.0 §3.2.8).</summary>
    Tag,

    /// <summary>The line item's <c>resourceId</c> is a skill code (AGS 2.0 §3.2.7).</summary>
    ResourceId,

    /// <summary>Nothing matched: shown to the instructor to map.</summary>
    Unmapped,
}

/// <summary>A line item with the skills it assesses and why.</summary>
public sealed record LineItemSkills(string LineItemId, string Label, string? Tag, string? ResourceId, SkillSource Source, IReadOnlyList<SkillWeight> Skills);

/// <summary>A course's line items and skills with the instructor's stored mappings, as the store reads them.</summary>
public sealed record CourseSkillData(
    IReadOnlyList<MappableLineItem> LineItems,
    IReadOnlyList<Skill> Skills,
    IReadOnlyDictionary<string, IReadOnlyList<SkillWeight>> InstructorMappings);

/// <summary>A live (not deleted) line item of the course.</summary>
public sealed record MappableLineItem(string Id, string Label, string? Tag, string? ResourceId);
