using LtiTool.Data;

namespace LtiTool.Sync;

/// <summary>
/// Where a course's data lives on its platform, as the latest launch in the course announced it (AGS 2.0 §3.1 endpoint
/// claim; NRPS 2.0 §3.6 claim). Background syncs have no launch, so these are kept with the course, with the
/// platform's product family (tool_platform, LTI 1.3 Core §5.4.2) that decides which platform quirks apply.
/// </summary>
public sealed record CourseServices(
    CourseKey Course, string? LineItemsUrl, string? MembershipsUrl, IReadOnlyList<string> AgsScopes, string? ProductFamilyCode = null)
{
    /// <summary>Moodle's results endpoint fails on <c>limit</c> (issue 10), so its results are read in one page.</summary>
    public bool IsMoodle => string.Equals(ProductFamilyCode, Lti.LtiConstants.ProductFamilies.Moodle, StringComparison.OrdinalIgnoreCase);
}

/// <summary>A gradebook column as the platform lists it (AGS 2.0 §3.2); <see cref="Id"/> is its URL.</summary>
public sealed record LmsLineItem(string Id, string Label, double ScoreMaximum, string? ResourceId, string? Tag, string? ResourceLinkId);

/// <summary>One user's result on a line item (AGS 2.0 §3.3); the fraction is resultScore / resultMaximum.</summary>
public sealed record LmsResult(string UserId, double? ScoreFraction, DateTimeOffset? Timestamp);

/// <summary>A course member (NRPS 2.0 §2.2). The name is kept only when the platform shares it; no email, no picture.</summary>
public sealed record LmsMember(string UserId, IReadOnlyList<string> Roles, bool IsActive, string? DisplayName);

/// <summary>A line item as stored: deleted ones stay, marked, so mappings and history keep their meaning.</summary>
public sealed record StoredLineItem(string Id, string Label, double ScoreMaximum, string? ResourceId, string? Tag, string? ResourceLinkId, long? DeletedAt, long UpdatedAt);

public sealed record StoredResult(string LineItemId, string UserId, double? ScoreFraction, long? Timestamp);

public sealed record StoredMember(string UserId, IReadOnlyList<string> Roles, bool IsActive, string? DisplayName);

/// <summary>What the instructor view shows about a course's sync (issue 3 item 6).</summary>
public sealed record CourseSyncStatus(
    CourseKey Course, long? LastStartedAt, long? LastFinishedAt, long? LastSucceededAt, string? LastError, long? NextDueAt)
{
    /// <summary>True when a sync started after the last one finished and has not finished yet.</summary>
    public bool IsRunning => LastStartedAt is { } started && (LastFinishedAt is not { } finished || started > finished);
}

/// <summary>How an on-demand or scheduled sync of one course ended.</summary>
public enum CourseSyncOutcome
{
    Synced,

    /// <summary>Another run holds the course's lease (here or on another instance); nothing was done.</summary>
    AlreadyRunning,

    /// <summary>No launch has told the tool where this course's services are.</summary>
    NotRegistered,

    /// <summary>The platform or the database failed; the error is stored with the course.</summary>
    Failed,
}
