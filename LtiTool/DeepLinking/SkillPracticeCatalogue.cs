using LtiTool.Data;
using LtiTool.Skills;
using Microsoft.Extensions.Options;

namespace LtiTool.DeepLinking;

/// <summary>
/// The catalogue a course has before any is imported: one adaptive practice set per skill of the course, drawn by the
/// practice player from that skill's items; no outside resources.
/// </summary>
public sealed class SkillPracticeCatalogue(ISkillMappingStore skills, IOptions<DeepLinkingOptions> options) : IPracticeCatalogue
{
    public const string IdPrefix = "skill:";

    public async Task<IReadOnlyList<PracticeSetEntry>> ListPracticeSetsAsync(CourseKey course, CancellationToken cancellationToken)
    {
        var data = await skills.GetAsync(course, cancellationToken);
        var settings = options.Value;
        return data.Skills
            .Select(s => new PracticeSetEntry(
                IdPrefix + s.Code,
                "Practice: " + (s.Name ?? s.Code),
                $"Adaptive practice on {s.Name ?? s.Code}, until the skill is secure.",
                s.Code,
                settings.SkillSetItems,
                settings.SkillSetMinutes))
            .ToList();
    }

    public Task<IReadOnlyList<ExternalResourceEntry>> ListExternalResourcesAsync(CourseKey course, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ExternalResourceEntry>>([]);
}
