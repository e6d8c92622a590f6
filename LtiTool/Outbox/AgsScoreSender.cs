using System.Text.Json;
using LtiTool.Lti.Platforms;
using LtiTool.Lti.Services;
using LtiTool.Sync;

namespace LtiTool.Outbox;

/// <summary>
/// Sends an outbox row through <see cref="AgsClient.PostScoreAsync"/> to its line item, with the scopes the course's
/// latest launch offered, and translates the client's <see cref="ScoreOutcome"/> into the outbox's terms. The grade
/// version comparison of a 409 stays in <see cref="ScoreOutboxDelivery"/>.
/// </summary>
public sealed class AgsScoreSender(AgsClient ags, IPlatformStore platforms, ICourseDataStore courses) : IScoreSender
{
    public async Task<SendResult> SendAsync(OutboxRow row, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (await platforms.GetAsync(row.Course.PlatformId, cancellationToken) is not { } platform)
        {
            return new SendResult(SendOutcome.Permanent, "The course's platform is no longer registered with the tool.");
        }

        // The launch that recorded the attempt queues its course's registration; until the sync worker has stored it,
        // the row waits rather than guessing the scopes.
        if (await courses.FindServicesAsync(row.Course, cancellationToken) is not { } services)
        {
            return new SendResult(SendOutcome.Transient, "The course's services are not known yet.");
        }

        if (ReadPayload(row) is not { } score)
        {
            return new SendResult(SendOutcome.Permanent, "The stored score could not be read.");
        }

        var endpoint = new AgsEndpoint(platform, services.AgsScopes.ToArray(), services.LineItemsUrl, row.LineItemId) { CorrelationId = $"outbox-{row.Id}" };
        try
        {
            // Attempts counts this one: a later attempt may follow a POST the platform applied but did not answer.
            return Translate(await ags.PostScoreAsync(endpoint, row.LineItemId, row.Attempts > 1 ? score.AsResend() : score, cancellationToken));
        }
        catch (LtiServiceException exception)
        {
            // A token problem may be fixed by the administrator, so it waits (bounded by Outbox:MaxAge); a URL outside the
            // registration or a scope the launch never offered will not change for this row.
            var fixable = exception.IsTransient || exception.Error is LtiServiceError.TokenRejected or LtiServiceError.Unauthorized or LtiServiceError.ScopeNotGranted;
            return new SendResult(fixable ? SendOutcome.Transient : SendOutcome.Permanent, exception.Message, exception.RetryAfter);
        }
    }

    /// <summary>The exact stored body (timestamp included, AGS 2.0 §3.4), so a retry is the same score and not a new one.</summary>
    private static Score? ReadPayload(OutboxRow row)
    {
        try
        {
            return JsonSerializer.Deserialize<Score>(row.Payload, ServiceJson.CamelCase);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static SendResult Translate(ScoreResult result) => result.Outcome switch
    {
        ScoreOutcome.Delivered => new SendResult(SendOutcome.Delivered),
        ScoreOutcome.AlreadyApplied => new SendResult(SendOutcome.NotNewer, result.Detail),
        ScoreOutcome.Superseded => new SendResult(SendOutcome.Superseded, result.Detail),
        ScoreOutcome.PermanentFailure => new SendResult(SendOutcome.Permanent, result.Detail ?? $"HTTP {(int?)result.StatusCode}"),
        _ => new SendResult(SendOutcome.Transient, result.Detail, result.RetryAfter),
    };
}
