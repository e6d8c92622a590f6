using LtiTool.Data;

namespace LtiTool.Sync;

/// <summary>The synced copy of each course's line items, results and roster, and its sync status. Every call is scoped by a <see cref="CourseKey"/>.</summary>
public interface ICourseDataStore
{
    /// <summary>Records where the course's services are (idempotent); a new course is due at once.</summary>
    Task RegisterCourseAsync(CourseServices services, long now, CancellationToken cancellationToken = default);

    Task<CourseServices?> FindServicesAsync(CourseKey course, CancellationToken cancellationToken = default);

    Task<CourseSyncStatus?> GetStatusAsync(CourseKey course, CancellationToken cancellationToken = default);

    /// <summary>Courses whose next sync is due at <paramref name="now"/>, the longest overdue first.</summary>
    Task<IReadOnlyList<CourseKey>> FindDueAsync(long now, int limit, CancellationToken cancellationToken = default);

    Task MarkStartedAsync(CourseKey course, long now, CancellationToken cancellationToken = default);

    /// <summary>Records the end of a run: success when <paramref name="lastError"/> is null, and when the next one is due.</summary>
    Task MarkFinishedAsync(CourseKey course, long now, string? lastError, long nextDueAt, CancellationToken cancellationToken = default);

    /// <summary>
    /// Upserts the platform's line items and marks those it no longer lists as deleted (a reappearing one is restored).
    /// A rename is an update of the label under the same id.
    /// </summary>
    Task SaveLineItemsAsync(CourseKey course, IReadOnlyList<LmsLineItem> lineItems, long now, CancellationToken cancellationToken = default);

    /// <summary>Upserts a line item's results and removes those the platform no longer reports (a cleared grade).</summary>
    Task SaveResultsAsync(CourseKey course, string lineItemId, IReadOnlyList<LmsResult> results, long now, CancellationToken cancellationToken = default);

    /// <summary>Upserts the roster; members the platform no longer lists are kept, marked inactive (students who left).</summary>
    Task SaveMembersAsync(CourseKey course, IReadOnlyList<LmsMember> members, long now, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<StoredLineItem>> GetLineItemsAsync(CourseKey course, bool includeDeleted, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<StoredResult>> GetResultsAsync(CourseKey course, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<StoredMember>> GetMembersAsync(CourseKey course, CancellationToken cancellationToken = default);
}
