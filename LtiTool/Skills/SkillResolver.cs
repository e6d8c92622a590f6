namespace LtiTool.Skills;

/// <summary>
/// Gives each line item its skills, in order: the instructor's stored mapping, else a <c>tag</c> that is a skill code,
/// else a <c>resourceId</c> that is one, else unmapped (issue 3 item 8). Pure: no I/O.
/// </summary>
public static class SkillResolver
{
    public static IReadOnlyList<LineItemSkills> Resolve(CourseSkillData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        // Codes compare exactly (ordinal): a platform tag "Fractions.Add" is not the skill "fractions.add".
        var codes = data.Skills.Select(s => s.Code).ToHashSet(StringComparer.Ordinal);
        return data.LineItems.Select(item => Resolve(item, codes, data.InstructorMappings.GetValueOrDefault(item.Id))).ToList();
    }

    private static LineItemSkills Resolve(MappableLineItem item, HashSet<string> codes, IReadOnlyList<SkillWeight>? mapped)
    {
        if (mapped is { Count: > 0 })
        {
            return Of(item, SkillSource.Instructor, mapped);
        }

        if (item.Tag is { } tag && codes.Contains(tag))
        {
            return Of(item, SkillSource.Tag, [new SkillWeight(tag, 1.0)]);
        }

        if (item.ResourceId is { } resourceId && codes.Contains(resourceId))
        {
            return Of(item, SkillSource.ResourceId, [new SkillWeight(resourceId, 1.0)]);
        }

        return Of(item, SkillSource.Unmapped, []);
    }

    private static LineItemSkills Of(MappableLineItem item, SkillSource source, IReadOnlyList<SkillWeight> skills) =>
        new(item.Id, item.Label, item.Tag, item.ResourceId, source, skills);
}
