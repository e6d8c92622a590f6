namespace LtiTool.Sync;

/// <summary>Reads a course's gradebook and roster from its platform, every page followed (AGS 2.0 §3.2–3.3; NRPS 2.0 §2).</summary>
public interface ICourseDataSource
{
    Task<IReadOnlyList<LmsLineItem>> GetLineItemsAsync(CourseServices services, CancellationToken cancellationToken);

    Task<IReadOnlyList<LmsResult>> GetResultsAsync(CourseServices services, LmsLineItem lineItem, CancellationToken cancellationToken);

    Task<IReadOnlyList<LmsMember>> GetMembersAsync(CourseServices services, CancellationToken cancellationToken);
}
