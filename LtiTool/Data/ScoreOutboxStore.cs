using System.Data.Common;
using Dapper;
using LtiTool.Outbox;

namespace LtiTool.Data;

public sealed class ScoreOutboxStore(Database database) : IScoreOutboxStore
{
    private const string KeyWhere =
        "platform_id = @PlatformId AND deployment_id = @DeploymentId AND context_id = @ContextId AND line_item_id = @LineItemId AND user_id = @UserId";

    private const string RowColumns =
        "id AS Id, platform_id AS PlatformId, deployment_id AS DeploymentId, context_id AS ContextId, user_id AS UserId, line_item_id AS LineItemId, " +
        "payload AS Payload, grade_version AS GradeVersion, score_timestamp_ms AS ScoreTimestampMs, attempts AS Attempts, created_at AS CreatedAt";

    // Lock ids of per-(line item, user) critical sections: the base keeps them clear of SqlDialect.Locks.
    private const long ScoreKeyLockBase = 7_163_100_000_000;

    /// <summary>The platforms' one-second resolution (Moodle compares seconds): versions of one key stay at least this far apart.</summary>
    private const long MinimumGapMs = 1000;

    public async Task<RecordedAttempt> RecordAttemptAsync(PracticeAttempt attempt, string? lineItemId, long nowMs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        var course = attempt.Course;
        var now = nowMs / 1000;
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var attemptId = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "INSERT INTO practice_attempts (platform_id, deployment_id, context_id, user_id, item_id, score_given, score_maximum, created_at) " +
            "VALUES (@PlatformId, @DeploymentId, @ContextId, @UserId, @ItemId, @ScoreGiven, @ScoreMaximum, @now) RETURNING id;",
            new { course.PlatformId, course.DeploymentId, course.ContextId, attempt.UserId, attempt.ItemId, attempt.ScoreGiven, attempt.ScoreMaximum, now },
            transaction, cancellationToken: cancellationToken));
        if (lineItemId is null)
        {
            await transaction.CommitAsync(cancellationToken);
            return new RecordedAttempt(attemptId, null);
        }

        var key = new { course.PlatformId, course.DeploymentId, course.ContextId, LineItemId = lineItemId, attempt.UserId };
        // Versions of one (line item, user) are numbered and timed under a lock, so two concurrent attempts cannot share
        // a version or a timestamp (the platform would keep only one: AGS 2.0 §3.4 "MUST NOT update … if … later").
        await connection.ExecuteAsync(new CommandDefinition(
            database.Dialect.ExclusiveLockSql(ScoreKeyLock(course, lineItemId, attempt.UserId)), transaction: transaction, cancellationToken: cancellationToken));
        var (lastVersion, lastTimestampMs) = await connection.QuerySingleAsync<(long?, long?)>(new CommandDefinition(
            $"SELECT MAX(grade_version), MAX(score_timestamp_ms) FROM score_outbox WHERE {KeyWhere};", key, transaction, cancellationToken: cancellationToken));
        var version = (lastVersion ?? 0) + 1;
        var timestampMs = lastTimestampMs is { } last ? Math.Max(nowMs, last + MinimumGapMs) : nowMs;
        var outboxId = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "INSERT INTO score_outbox (platform_id, deployment_id, context_id, user_id, line_item_id, attempt_id, payload, grade_version, " +
            "score_timestamp_ms, status, attempts, next_attempt_at, created_at) VALUES (@PlatformId, @DeploymentId, @ContextId, @UserId, @LineItemId, " +
            "@attemptId, @payload, @version, @timestampMs, 'pending', 0, @now, @now) RETURNING id;",
            new
            {
                key.PlatformId,
                key.DeploymentId,
                key.ContextId,
                key.UserId,
                key.LineItemId,
                attemptId,
                payload = ScorePayload.Create(attempt, timestampMs),
                version,
                timestampMs,
                now,
            },
            transaction, cancellationToken: cancellationToken));
        // Only the newest version is worth sending (catalogue c.4 point 3); a row in flight finishes and is judged by the platform.
        await connection.ExecuteAsync(new CommandDefinition(
            $"UPDATE score_outbox SET status = 'superseded', finished_at = @now WHERE {KeyWhere} AND status = 'pending' " +
            "AND grade_version < @version AND (lease_until IS NULL OR lease_until <= @now);",
            new { key.PlatformId, key.DeploymentId, key.ContextId, key.LineItemId, key.UserId, version, now },
            transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return new RecordedAttempt(attemptId, outboxId);
    }

    public async Task<IReadOnlyList<OutboxRow>> ClaimDueAsync(string owner, long now, long leaseUntil, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE score_outbox SET status = 'superseded', finished_at = @now WHERE status = 'pending' AND (lease_until IS NULL OR lease_until <= @now) " +
            "AND EXISTS (SELECT 1 FROM score_outbox n WHERE n.platform_id = score_outbox.platform_id AND n.deployment_id = score_outbox.deployment_id " +
            "AND n.context_id = score_outbox.context_id AND n.line_item_id = score_outbox.line_item_id AND n.user_id = score_outbox.user_id " +
            "AND n.grade_version > score_outbox.grade_version AND n.status <> 'dead');",
            new { now }, cancellationToken: cancellationToken));
        // The outer conditions repeat the inner ones: on PostgreSQL a row another worker claimed meanwhile is re-checked
        // after its lock is released and then skipped, so no row is ever leased to two owners.
        const string Due = "status = 'pending' AND next_attempt_at <= @now AND (lease_until IS NULL OR lease_until <= @now)";
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"UPDATE score_outbox SET lease_owner = @owner, lease_until = @leaseUntil, attempts = attempts + 1 " +
            $"WHERE id IN (SELECT id FROM score_outbox WHERE {Due} ORDER BY next_attempt_at, id LIMIT @limit) AND {Due} RETURNING {RowColumns};",
            new { owner, now, leaseUntil, limit }, cancellationToken: cancellationToken));
        return rows.OrderBy(r => r.Id).Select(r => r.ToOutboxRow()).ToList();
    }

    public async Task<bool> CompleteAsync(long id, string owner, OutboxStatus status, string? lastError, long now, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE score_outbox SET status = @status, last_error = @error, finished_at = @now, lease_owner = NULL, lease_until = NULL " +
            "WHERE id = @id AND lease_owner = @owner;",
            new { id, owner, status = StatusName(status), error = lastError, now }, cancellationToken: cancellationToken)) == 1;
    }

    public async Task<bool> RetryLaterAsync(long id, string owner, long nextAttemptAt, string? lastError, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE score_outbox SET next_attempt_at = @nextAttemptAt, last_error = @error, lease_owner = NULL, lease_until = NULL " +
            "WHERE id = @id AND lease_owner = @owner;",
            new { id, owner, nextAttemptAt, error = lastError }, cancellationToken: cancellationToken)) == 1;
    }

    public async Task<bool> HasNewerVersionAsync(OutboxRow row, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(row);
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT COUNT(*) FROM score_outbox WHERE {KeyWhere} AND grade_version > @GradeVersion AND status <> 'dead';",
            new { row.Course.PlatformId, row.Course.DeploymentId, row.Course.ContextId, row.LineItemId, row.UserId, row.GradeVersion },
            cancellationToken: cancellationToken)) > 0;
    }

    public async Task<IReadOnlyList<OutboxEntry>> ListAsync(CourseKey course, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(course);
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(long Id, string UserId, string LineItemId, long GradeVersion, string Status, long Attempts, long NextAttemptAt, string? LastError)>(
            new CommandDefinition(
                "SELECT id, user_id, line_item_id, grade_version, status, attempts, next_attempt_at, last_error FROM score_outbox " +
                "WHERE platform_id = @PlatformId AND deployment_id = @DeploymentId AND context_id = @ContextId ORDER BY id DESC LIMIT @limit;",
                new { course.PlatformId, course.DeploymentId, course.ContextId, limit }, cancellationToken: cancellationToken));
        return rows.Select(r => new OutboxEntry(r.Id, r.UserId, r.LineItemId, r.GradeVersion, ParseStatus(r.Status), (int)r.Attempts, r.NextAttemptAt, r.LastError)).ToList();
    }

    private static string StatusName(OutboxStatus status) => status switch
    {
        OutboxStatus.Pending => "pending",
        OutboxStatus.Delivered => "delivered",
        OutboxStatus.AlreadyApplied => "already_applied",
        OutboxStatus.Superseded => "superseded",
        OutboxStatus.Dead => "dead",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    private static OutboxStatus ParseStatus(string status) => status switch
    {
        "pending" => OutboxStatus.Pending,
        "delivered" => OutboxStatus.Delivered,
        "already_applied" => OutboxStatus.AlreadyApplied,
        "superseded" => OutboxStatus.Superseded,
        "dead" => OutboxStatus.Dead,
        _ => throw new InvalidOperationException("Unknown outbox status in the database."),
    };

    // FNV-1a over the key: a stable 32-bit lock slot per (course, line item, user); a collision only serialises two unrelated keys.
    private static long ScoreKeyLock(CourseKey course, string lineItemId, string userId)
    {
        var hash = 2_166_136_261u;
        foreach (var c in $"{course.PlatformId}\n{course.DeploymentId}\n{course.ContextId}\n{lineItemId}\n{userId}")
        {
            hash = (hash ^ c) * 16_777_619u;
        }

        return ScoreKeyLockBase + hash;
    }

    private sealed record Row(
        long Id, long PlatformId, string DeploymentId, string ContextId, string UserId, string LineItemId, string Payload,
        long GradeVersion, long ScoreTimestampMs, long Attempts, long CreatedAt)
    {
        public OutboxRow ToOutboxRow() => new(
            Id, new CourseKey(PlatformId, DeploymentId, ContextId), UserId, LineItemId, Payload, GradeVersion, ScoreTimestampMs, (int)Attempts, CreatedAt);
    }
}
