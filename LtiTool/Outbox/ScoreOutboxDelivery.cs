using LtiTool.Sync;
using Microsoft.Extensions.Options;

namespace LtiTool.Outbox;

/// <summary>
/// Delivers due outbox rows: claims them with a lease, posts each through <see cref="IScoreSender"/> with its stored
/// payload and timestamp, and records the outcome (security catalogue c.4 point 2).
/// </summary>
public sealed partial class ScoreOutboxDelivery(
    IScoreOutboxStore store,
    IScoreSender sender,
    ToolInstance instance,
    TimeProvider timeProvider,
    IOptions<OutboxOptions> options,
    ILogger<ScoreOutboxDelivery> logger)
{
    private const int MaxErrorLength = 500;

    /// <summary>One pass: claims up to a batch of due rows and settles or re-queues each.</summary>
    public async Task<DeliveryPass> DeliverDueAsync(CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var owner = instance.NewRunOwner();
        var now = Now();
        var rows = await store.ClaimDueAsync(owner, now, now + (long)settings.LeaseDuration.TotalSeconds, settings.BatchSize, cancellationToken);
        int delivered = 0, superseded = 0, dead = 0, retrying = 0;
        foreach (var row in rows)
        {
            var result = await sender.SendAsync(row, cancellationToken);
            var status = await SettleAsync(row, owner, result, cancellationToken);
            LogOutcome(logger, row.Course.PlatformId, owner, row.Id, result.Outcome);
            switch (status)
            {
                case OutboxStatus.Delivered or OutboxStatus.AlreadyApplied:
                    delivered++;
                    break;
                case OutboxStatus.Superseded:
                    superseded++;
                    break;
                case OutboxStatus.Dead:
                    dead++;
                    break;
                default:
                    retrying++;
                    break;
            }
        }

        return new DeliveryPass(rows.Count, delivered, superseded, dead, retrying);
    }

    /// <summary>Records the outcome; returns the final status, or null when the row waits for another attempt.</summary>
    private async Task<OutboxStatus?> SettleAsync(OutboxRow row, string owner, SendResult result, CancellationToken cancellationToken)
    {
        var now = Now();
        var error = Truncate(result.Error);
        // Once sent, the outcome is recorded even if the host is stopping: a lost record would only cost a harmless re-send,
        // but a recorded one costs nothing.
        var settle = CancellationToken.None;
        switch (result.Outcome)
        {
            case SendOutcome.Delivered:
                await store.CompleteAsync(row.Id, owner, OutboxStatus.Delivered, null, now, settle);
                return OutboxStatus.Delivered;
            case SendOutcome.NotNewer:
                // Moodle's 409: the platform holds this timestamp or a later one. With no newer version of ours, it is this
                // very score sent before (a lost acknowledgement): delivered. Otherwise a newer version overtook it.
                var overtaken = await store.HasNewerVersionAsync(row, settle);
                var status = overtaken ? OutboxStatus.Superseded : OutboxStatus.AlreadyApplied;
                await store.CompleteAsync(row.Id, owner, status, null, now, settle);
                return status;
            case SendOutcome.Superseded:
                await store.CompleteAsync(row.Id, owner, OutboxStatus.Superseded, error, now, settle);
                return OutboxStatus.Superseded;
            case SendOutcome.Permanent:
                await store.CompleteAsync(row.Id, owner, OutboxStatus.Dead, error, now, settle);
                return OutboxStatus.Dead;
            default:
                return await RetryOrGiveUpAsync(row, owner, result, error, now, settle);
        }
    }

    private async Task<OutboxStatus?> RetryOrGiveUpAsync(OutboxRow row, string owner, SendResult result, string? error, long now, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (now - row.CreatedAt >= (long)settings.MaxAge.TotalSeconds)
        {
            await store.CompleteAsync(row.Id, owner, OutboxStatus.Dead, Truncate($"Gave up after {row.Attempts} attempts: {error}"), now, cancellationToken);
            return OutboxStatus.Dead;
        }

        // Attempts counts this one; the schedule's last step repeats until the row is too old.
        var wait = settings.RetrySchedule[Math.Min(row.Attempts, settings.RetrySchedule.Count) - 1];
        if (result.RetryAfter is { } retryAfter)
        {
            wait = TimeSpan.FromTicks(Math.Max(wait.Ticks, Math.Min(retryAfter.Ticks, settings.MaxRetryAfter.Ticks)));
        }

        await store.RetryLaterAsync(row.Id, owner, now + (long)Math.Ceiling(wait.TotalSeconds), error, cancellationToken);
        return null;
    }

    private long Now() => timeProvider.GetUtcNow().ToUnixTimeSeconds();

    private static string? Truncate(string? text) => text is { Length: > MaxErrorLength } ? text[..MaxErrorLength] : text;

    [LoggerMessage(EventId = 5101, Level = LogLevel.Information, Message = "Score outbox {CorrelationId}: row {RowId} for platform {PlatformId} sent with outcome {Outcome}")]
    private static partial void LogOutcome(ILogger logger, long platformId, string correlationId, long rowId, SendOutcome outcome);
}
