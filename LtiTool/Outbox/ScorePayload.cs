using System.Globalization;
using System.Text.Json;
using LtiTool.Lti;

namespace LtiTool.Outbox;

/// <summary>
/// The score JSON an outbox row posts (AGS 2.0 §3.4), written once at enqueue so every retry sends the same bytes
/// with the same timestamp (security catalogue c.4 point 4; case 85).
/// </summary>
public static class ScorePayload
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>A final grade: FullyGraded, Completed, scoreMaximum always with scoreGiven (catalogue case 84).</summary>
    public static string Create(PracticeAttempt attempt, long timestampMs)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        return JsonSerializer.Serialize(
            new Body(
                attempt.UserId,
                attempt.ScoreGiven,
                attempt.ScoreMaximum,
                FormatTimestamp(timestampMs),
                LtiConstants.ActivityProgress.Completed,
                LtiConstants.GradingProgress.FullyGraded),
            Json);
    }

    /// <summary>ISO 8601 with milliseconds and offset, the form Moodle and Canvas both parse (catalogue case 84).</summary>
    public static string FormatTimestamp(long timestampMs) =>
        DateTimeOffset.FromUnixTimeMilliseconds(timestampMs).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);

    private sealed record Body(string UserId, double ScoreGiven, double ScoreMaximum, string Timestamp, string ActivityProgress, string GradingProgress);
}
