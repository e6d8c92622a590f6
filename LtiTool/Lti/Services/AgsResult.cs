using System.Text.Json.Serialization;

namespace LtiTool.Lti.Services;

/// <summary>A result (the platform's current grade of one user on one line item), AGS 2.0 §3.3; camelCase JSON names.</summary>
public sealed record AgsResult
{
    public string? Id { get; init; }

    public string? ScoreOf { get; init; }

    public string UserId { get; init; } = string.Empty;

    public double? ResultScore { get; init; }

    public double? ResultMaximum { get; init; }

    public string? ScoringUserId { get; init; }

    public string? Comment { get; init; }

    /// <summary>Not in AGS 2.0 but sent by Moodle: when the result last changed.</summary>
    [JsonConverter(typeof(LenientTimestampConverter))]
    public DateTimeOffset? Timestamp { get; init; }
}

/// <summary>Filters of the results container (AGS 2.0 §3.3.4).</summary>
public sealed record ResultQuery(string? UserId = null, int? Limit = null);
