using System.Net;
using System.Text;

namespace LtiTool.Lti.Services;

/// <summary>What became of a score POST, in the outbox's terms (security catalogue c.3–c.4).</summary>
public enum ScoreOutcome
{
    /// <summary>2xx: the platform stored the score.</summary>
    Delivered,

    /// <summary>Moodle's 409: a score with this or a later timestamp is already recorded. With the same grade version, delivered; with an older one, superseded (the outbox knows which).</summary>
    AlreadyApplied,

    /// <summary>Canvas's 400 for a timestamp earlier than the result's last update: a newer score won (catalogue case 86).</summary>
    Superseded,

    /// <summary>400, 403, 404, 412, 422 (user not gradable, not a student, line item gone): dead-letter, show the instructor, do not retry (catalogue case 91).</summary>
    PermanentFailure,

    /// <summary>429 or Canvas's 403 "Rate Limit Exceeded" after the in-process retries: re-queue, after <see cref="ScoreResult.RetryAfter"/> when given.</summary>
    Throttled,

    /// <summary>5xx, timeout, network failure or an open circuit after the in-process retries: re-queue with the same timestamp.</summary>
    Transient,
}

/// <summary>The outcome of a score POST, with the status and a short excerpt of the platform's message (untrusted text: encode it to show it).</summary>
public sealed record ScoreResult(ScoreOutcome Outcome, HttpStatusCode? StatusCode = null, string? Detail = null, TimeSpan? RetryAfter = null)
{
    /// <summary>Nothing left to send for this score.</summary>
    public bool IsSettled => Outcome is ScoreOutcome.Delivered or ScoreOutcome.AlreadyApplied or ScoreOutcome.Superseded or ScoreOutcome.PermanentFailure;

    /// <summary>Sorts a score response (Moodle <c>scores.php</c> and Canvas <c>scores_controller.rb</c> behaviour, security catalogue b.5).</summary>
    public static ScoreOutcome Classify(HttpStatusCode status, byte[] body)
    {
        ArgumentNullException.ThrowIfNull(body);
        if ((int)status is >= 200 and < 300)
        {
            return ScoreOutcome.Delivered;
        }

        if (status == HttpStatusCode.Conflict)
        {
            return ScoreOutcome.AlreadyApplied;
        }

        if (ServiceFailures.IsThrottled(status, body))
        {
            return ScoreOutcome.Throttled;
        }

        if (status == HttpStatusCode.RequestTimeout || (int)status >= 500)
        {
            return ScoreOutcome.Transient;
        }

        return status == HttpStatusCode.BadRequest && IsEarlierTimestamp(Encoding.UTF8.GetString(body))
            ? ScoreOutcome.Superseded
            : ScoreOutcome.PermanentFailure;
    }

    // Canvas: "…timestamp…earlier…" / "…before last updated timestamp".
    private static bool IsEarlierTimestamp(string message) =>
        message.Contains("timestamp", StringComparison.OrdinalIgnoreCase)
        && (message.Contains("earlier", StringComparison.OrdinalIgnoreCase) || message.Contains("before", StringComparison.OrdinalIgnoreCase));
}
