using LtiTool.Data;
using LtiTool.Lti;
using LtiTool.Skills;
using LtiTool.Sync;
using Microsoft.Extensions.Options;

namespace LtiTool.Dashboard;

/// <summary>
/// The class's mastery from what the tool has synced: the roster's active learners, and every result on a live line
/// item counted towards the skills the line item is mapped to (<see cref="SkillResolver"/>).
/// </summary>
public sealed class SyncedClassMasterySource(ICourseDataStore courseData, ISkillMappingStore skillMappings, IOptions<DashboardOptions> options)
    : IClassMasterySource
{
    public async Task<ClassMastery> ReadAsync(CourseKey course, CancellationToken cancellationToken)
    {
        var members = await courseData.GetMembersAsync(course, cancellationToken);
        var results = await courseData.GetResultsAsync(course, cancellationToken);
        var skillData = await skillMappings.GetAsync(course, cancellationToken);
        var students = members.Where(m => m.IsActive && m.Roles.Any(IsLearnerRole))
            .Select(m => new ClassStudent(m.UserId, m.DisplayName))
            .OrderBy(s => s.Label, StringComparer.CurrentCulture)
            .ToList();
        return Build(students, skillData.Skills, SkillResolver.Resolve(skillData), results, options.Value.IntervalZ);
    }

    /// <summary>Pure: the table from roster, skills, mapped line items and results.</summary>
    public static ClassMastery Build(
        IReadOnlyList<ClassStudent> students, IReadOnlyList<Skill> skills, IReadOnlyList<LineItemSkills> lineItems, IReadOnlyList<StoredResult> results, double intervalZ)
    {
        ArgumentNullException.ThrowIfNull(results);
        var itemsById = lineItems.ToDictionary(l => l.LineItemId, StringComparer.Ordinal);
        var evidence = new Dictionary<(string, string), List<MasteryEvidence>>();
        foreach (var result in results.OrderBy(r => r.Timestamp ?? 0))
        {
            if (result.ScoreFraction is not { } score || !itemsById.TryGetValue(result.LineItemId, out var item))
            {
                continue;
            }

            var at = result.Timestamp is { } t ? DateTimeOffset.FromUnixTimeSeconds(t) : (DateTimeOffset?)null;
            foreach (var skill in item.Skills)
            {
                var key = (result.UserId, skill.Code);
                if (!evidence.TryGetValue(key, out var list))
                {
                    evidence[key] = list = [];
                }

                list.Add(new MasteryEvidence(item.Label, Math.Clamp(score, 0, 1), skill.Weight, at));
            }
        }

        var cells = new Dictionary<(string, string), MasteryCell>();
        foreach (var student in students)
        {
            foreach (var skill in skills)
            {
                cells[(student.UserId, skill.Code)] = BetaMastery.Estimate(evidence.GetValueOrDefault((student.UserId, skill.Code)) ?? [], intervalZ);
            }
        }

        return new ClassMastery(students, skills, cells);
    }

    // NRPS roles are full URIs or, from Moodle, short names (LTI 1.3 Core Appendix A.2).
    private static bool IsLearnerRole(string role) =>
        role is LtiConstants.Roles.Learner or ShortLearnerRole;

    private const string ShortLearnerRole = "Learner";
}
