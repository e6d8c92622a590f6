using System.Text.Json.Serialization;

namespace LtiTool.Lti.Services;

/// <summary>
/// A score to publish, AGS 2.0 §3.4, media type <c>application/vnd.ims.lis.v1.score+json</c>; camelCase JSON names.
/// <see cref="Timestamp"/> is set once by the caller (the time of the change) and reused on every retry: that is what
/// makes a retried POST harmless (Moodle answers 409, Canvas accepts the equal timestamp; security catalogue c.4).
/// </summary>
public sealed record Score
{
    /// <summary>The LTI user id (the launch's <c>sub</c>).</summary>
    public required string UserId { get; init; }

    public double? ScoreGiven { get; init; }

    /// <summary>Required whenever <see cref="ScoreGiven"/> is present (AGS 2.0 §3.4.3).</summary>
    public double? ScoreMaximum { get; init; }

    public string? Comment { get; init; }

    [JsonConverter(typeof(ScoreTimestampConverter))]
    public required DateTimeOffset Timestamp { get; init; }

    public required ActivityProgress ActivityProgress { get; init; }

    public required GradingProgress GradingProgress { get; init; }

    public string? ScoringUserId { get; init; }

    /// <summary>
    /// Canvas's submission extension, sent only on a resend: with <c>new_submission: false</c> Canvas applies the score
    /// to the current submission instead of creating another attempt, which could use up an assignment's allowed
    /// attempts (catalogue c.4 and case 90). Other platforms ignore the unknown key.
    /// </summary>
    [JsonPropertyName(LtiConstants.Extensions.CanvasSubmission)]
    public CanvasSubmissionExtension? CanvasSubmission { get; init; }

    /// <summary>The same score marked as a resend of one the platform may already have.</summary>
    public Score AsResend() => this with { CanvasSubmission = new CanvasSubmissionExtension(NewSubmission: false) };

    /// <summary>Throws when the score breaks AGS 2.0 §3.4 before anything is sent.</summary>
    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(UserId))
        {
            throw new ArgumentException("A score needs the userId (AGS 2.0 §3.4.1).", nameof(UserId));
        }

        if (ScoreGiven is { } given && (given < 0 || double.IsNaN(given) || ScoreMaximum is not > 0))
        {
            throw new ArgumentException("scoreGiven must be non-negative and come with a positive scoreMaximum (AGS 2.0 §3.4.2–3.4.3).", nameof(ScoreGiven));
        }
    }
}

/// <summary>The body of the <see cref="LtiConstants.Extensions.CanvasSubmission"/> extension.</summary>
public sealed record CanvasSubmissionExtension([property: JsonPropertyName(LtiConstants.Extensions.CanvasNewSubmission)] bool NewSubmission);

/// <summary>AGS 2.0 §3.4.5.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ActivityProgress>))]
public enum ActivityProgress
{
    [JsonStringEnumMemberName(LtiConstants.ActivityProgress.Initialized)]
    Initialized,
    [JsonStringEnumMemberName(LtiConstants.ActivityProgress.Started)]
    Started,
    [JsonStringEnumMemberName(LtiConstants.ActivityProgress.InProgress)]
    InProgress,
    [JsonStringEnumMemberName(LtiConstants.ActivityProgress.Submitted)]
    Submitted,
    [JsonStringEnumMemberName(LtiConstants.ActivityProgress.Completed)]
    Completed,
}

/// <summary>AGS 2.0 §3.4.6; final grades are <see cref="FullyGraded"/> (other values may make the platform ignore scoreGiven).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<GradingProgress>))]
public enum GradingProgress
{
    [JsonStringEnumMemberName(LtiConstants.GradingProgress.FullyGraded)]
    FullyGraded,
    [JsonStringEnumMemberName(LtiConstants.GradingProgress.Pending)]
    Pending,
    [JsonStringEnumMemberName(LtiConstants.GradingProgress.PendingManual)]
    PendingManual,
    [JsonStringEnumMemberName(LtiConstants.GradingProgress.Failed)]
    Failed,
    [JsonStringEnumMemberName(LtiConstants.GradingProgress.NotReady)]
    NotReady,
}
