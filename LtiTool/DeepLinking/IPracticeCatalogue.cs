using LtiTool.Data;

namespace LtiTool.DeepLinking;

/// <summary>A tool-hosted practice set the instructor can place in the course; <see cref="SkillCode"/> is the skill it trains.</summary>
public sealed record PracticeSetEntry(string Id, string Title, string? Description, string SkillCode, int ItemCount, int Minutes);

/// <summary>An outside resource from the course's catalogue (a video, a reading), placed as a plain link.</summary>
public sealed record ExternalResourceEntry(string Id, string Title, string? Description, string Url, IReadOnlyList<string> SkillCodes);

/// <summary>What the course's catalogue offers for placing into the course.</summary>
public interface IPracticeCatalogue
{
    Task<IReadOnlyList<PracticeSetEntry>> ListPracticeSetsAsync(CourseKey course, CancellationToken cancellationToken);

    Task<IReadOnlyList<ExternalResourceEntry>> ListExternalResourcesAsync(CourseKey course, CancellationToken cancellationToken);
}
