using LtiTool.Data;
using LtiTool.Sync;

namespace LtiTool.Tests.Sync;

/// <summary>Passes every call to an inner store; a test overrides only the calls it watches or breaks.</summary>
public abstract class DelegatingCourseDataStore(ICourseDataStore inner) : ICourseDataStore
{
    public virtual Task RegisterCourseAsync(CourseServices services, long now, CancellationToken cancellationToken = default) =>
        inner.RegisterCourseAsync(services, now, cancellationToken);

    public virtual Task<CourseServices?> FindServicesAsync(CourseKey course, CancellationToken cancellationToken = default) =>
        inner.FindServicesAsync(course, cancellationToken);

    public virtual Task<CourseSyncStatus?> GetStatusAsync(CourseKey course, CancellationToken cancellationToken = default) =>
        inner.GetStatusAsync(course, cancellationToken);

    public virtual Task<IReadOnlyList<CourseKey>> FindDueAsync(long now, int limit, CancellationToken cancellationToken = default) =>
        inner.FindDueAsync(now, limit, cancellationToken);

    public virtual Task MarkStartedAsync(CourseKey course, long now, CancellationToken cancellationToken = default) =>
        inner.MarkStartedAsync(course, now, cancellationToken);

    public virtual Task MarkFinishedAsync(CourseKey course, long now, string? lastError, long nextDueAt, CancellationToken cancellationToken = default) =>
        inner.MarkFinishedAsync(course, now, lastError, nextDueAt, cancellationToken);

    public virtual Task SaveLineItemsAsync(CourseKey course, IReadOnlyList<LmsLineItem> lineItems, long now, CancellationToken cancellationToken = default) =>
        inner.SaveLineItemsAsync(course, lineItems, now, cancellationToken);

    public virtual Task SaveResultsAsync(CourseKey course, string lineItemId, IReadOnlyList<LmsResult> results, long now, CancellationToken cancellationToken = default) =>
        inner.SaveResultsAsync(course, lineItemId, results, now, cancellationToken);

    public virtual Task SaveMembersAsync(CourseKey course, IReadOnlyList<LmsMember> members, long now, CancellationToken cancellationToken = default) =>
        inner.SaveMembersAsync(course, members, now, cancellationToken);

    public virtual Task<IReadOnlyList<StoredLineItem>> GetLineItemsAsync(CourseKey course, bool includeDeleted, CancellationToken cancellationToken = default) =>
        inner.GetLineItemsAsync(course, includeDeleted, cancellationToken);

    public virtual Task<IReadOnlyList<StoredResult>> GetResultsAsync(CourseKey course, CancellationToken cancellationToken = default) =>
        inner.GetResultsAsync(course, cancellationToken);

    public virtual Task<IReadOnlyList<StoredMember>> GetMembersAsync(CourseKey course, CancellationToken cancellationToken = default) =>
        inner.GetMembersAsync(course, cancellationToken);
}
