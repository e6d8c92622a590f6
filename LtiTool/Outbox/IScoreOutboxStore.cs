using LtiTool.Data;

namespace LtiTool.Outbox;

/// <summary>Practice attempts and the score outbox (security catalogue c.4).</summary>
public interface IScoreOutboxStore
{
    /// <summary>
    /// Stores the attempt and, when <paramref name="lineItemId"/> is given, its outbox row, in one transaction: a new
    /// grade version for (line item, user), a timestamp at least one second after the previous version's, and older
    /// pending versions marked superseded.
    /// </summary>
    Task<RecordedAttempt> RecordAttemptAsync(PracticeAttempt attempt, string? lineItemId, long nowMs, CancellationToken cancellationToken = default);

    /// <summary>
    /// Marks superseded the pending rows that a newer version of the same (line item, user) replaces, then leases up to
    /// <paramref name="limit"/> due rows to <paramref name="owner"/>. A row leased by another owner is not claimed until its lease ends.
    /// </summary>
    Task<IReadOnlyList<OutboxRow>> ClaimDueAsync(string owner, long now, long leaseUntil, int limit, CancellationToken cancellationToken = default);

    /// <summary>Settles a claimed row; false when <paramref name="owner"/> no longer holds its lease.</summary>
    Task<bool> CompleteAsync(long id, string owner, OutboxStatus status, string? lastError, long now, CancellationToken cancellationToken = default);

    /// <summary>Returns a claimed row to pending, due again at <paramref name="nextAttemptAt"/>.</summary>
    Task<bool> RetryLaterAsync(long id, string owner, long nextAttemptAt, string? lastError, CancellationToken cancellationToken = default);

    /// <summary>True when a newer, live version of the row's (line item, user) exists.</summary>
    Task<bool> HasNewerVersionAsync(OutboxRow row, CancellationToken cancellationToken = default);

    /// <summary>The course's rows, newest first, for the instructor view.</summary>
    Task<IReadOnlyList<OutboxEntry>> ListAsync(CourseKey course, int limit, CancellationToken cancellationToken = default);
}
