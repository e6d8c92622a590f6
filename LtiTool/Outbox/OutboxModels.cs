using LtiTool.Data;

namespace LtiTool.Outbox;

/// <summary>A tool-hosted practice result: the score the student earned on one practice item.</summary>
public sealed record PracticeAttempt(CourseKey Course, string UserId, string ItemId, double ScoreGiven, double ScoreMaximum);

/// <summary>The attempt's id, and the outbox row that will post it (null when the course offers no gradebook column).</summary>
public sealed record RecordedAttempt(long AttemptId, long? OutboxId);

/// <summary>Where an outbox row stands (security catalogue c.4 point 2).</summary>
public enum OutboxStatus
{
    Pending,

    /// <summary>The platform stored the score.</summary>
    Delivered,

    /// <summary>The platform already held this score (Moodle's 409 for an equal timestamp): counted as delivered.</summary>
    AlreadyApplied,

    /// <summary>A newer grade version of the same (line item, user) replaced it, here or on the platform.</summary>
    Superseded,

    /// <summary>The platform refused it for good (user not gradable, line item gone): shown to the instructor, never retried.</summary>
    Dead,
}

/// <summary>A claimed outbox row, as the delivery worker sends it. <see cref="Payload"/> is the score JSON, timestamp included, fixed at enqueue.</summary>
public sealed record OutboxRow(
    long Id,
    CourseKey Course,
    string UserId,
    string LineItemId,
    string Payload,
    long GradeVersion,
    long ScoreTimestampMs,
    int Attempts,
    long CreatedAt);

/// <summary>One row as the instructor view lists it: synced / pending / failed (reason) per student (catalogue c.4 point 5).</summary>
public sealed record OutboxEntry(long Id, string UserId, string LineItemId, long GradeVersion, OutboxStatus Status, int Attempts, long NextAttemptAt, string? LastError);

/// <summary>How a send ended, in the outbox's terms.</summary>
public enum SendOutcome
{
    Delivered,

    /// <summary>The platform holds a score with this or a later timestamp (Moodle 409).</summary>
    NotNewer,

    /// <summary>The platform refused the score as older than its result (Canvas 400 "earlier timestamp").</summary>
    Superseded,

    /// <summary>Refused for good: 400/403/404/412/422 and the like.</summary>
    Permanent,

    /// <summary>Throttled, 5xx, timeout, network, open circuit, or a token problem: try again later with the same timestamp.</summary>
    Transient,
}

/// <summary>The result of one send; <see cref="Error"/> is short, tool-made or platform text, never a token.</summary>
public sealed record SendResult(SendOutcome Outcome, string? Error = null, TimeSpan? RetryAfter = null);

/// <summary>What one delivery pass did.</summary>
public sealed record DeliveryPass(int Claimed, int Delivered, int Superseded, int Dead, int Retrying);
