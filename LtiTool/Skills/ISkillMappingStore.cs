using LtiTool.Data;

namespace LtiTool.Skills;

/// <summary>Skills and the instructor's line item → skill mappings, per course.</summary>
public interface ISkillMappingStore
{
    Task<CourseSkillData> GetAsync(CourseKey course, CancellationToken cancellationToken = default);

    /// <summary>Adds or renames skills of the course (idempotent).</summary>
    Task UpsertSkillsAsync(CourseKey course, IReadOnlyList<Skill> skills, long now, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces the instructor's mapping of each named line item (an empty list clears it, so tag and resourceId apply
    /// again), creating unknown skill codes. All or nothing; false, with nothing stored, when a line item is not a live
    /// line item of this course.
    /// </summary>
    Task<bool> ReplaceMappingsAsync(CourseKey course, IReadOnlyDictionary<string, IReadOnlyList<SkillWeight>> mappings, long now, CancellationToken cancellationToken = default);
}
