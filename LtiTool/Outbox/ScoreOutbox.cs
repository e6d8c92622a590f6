using LtiTool.Data;

namespace LtiTool.Outbox;

/// <summary>Where practice results enter the tool: stored with their score's outbox row in one transaction (catalogue c.4 point 1).</summary>
public sealed class ScoreOutbox(IScoreOutboxStore store, TimeProvider timeProvider)
{
    /// <summary>
    /// Stores the attempt and, when the course has a gradebook column for it (<paramref name="lineItemId"/>, the line
    /// item URL from the launch's AGS claim), queues its score for delivery. Nothing is sent here.
    /// </summary>
    public Task<RecordedAttempt> RecordPracticeAttemptAsync(PracticeAttempt attempt, string? lineItemId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        ArgumentOutOfRangeException.ThrowIfNegative(attempt.ScoreGiven);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(attempt.ScoreMaximum);
        return store.RecordAttemptAsync(attempt, lineItemId, timeProvider.GetUtcNow().ToUnixTimeMilliseconds(), cancellationToken);
    }

    /// <summary>The course's recent deliveries for the instructor: delivered, pending, or failed with the reason.</summary>
    public Task<IReadOnlyList<OutboxEntry>> ListAsync(CourseKey course, int limit = 200, CancellationToken cancellationToken = default) =>
        store.ListAsync(course, limit, cancellationToken);
}
