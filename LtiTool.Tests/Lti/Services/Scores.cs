using LtiTool.Lti.Services;

namespace LtiTool.Tests.Lti.Services;

/// <summary>Scores for tests: final grades, with a timestamp fixed by the caller as the outbox will fix it.</summary>
internal static class Scores
{
    public static Score For(string userId, TimeProvider time, double given = 8, double maximum = 10, DateTimeOffset? timestamp = null) => new()
    {
        UserId = userId,
        ScoreGiven = given,
        ScoreMaximum = maximum,
        Timestamp = timestamp ?? time.GetUtcNow(),
        ActivityProgress = ActivityProgress.Completed,
        GradingProgress = GradingProgress.FullyGraded,
        Comment = "Practice set",
    };
}
