using System.Globalization;
using System.Text.Json;
using LtiTool.Lti;

namespace LtiTool.Demo;

/// <summary><c>POST …/lineitem/scores</c> (AGS 2.0 §3.4): validates the score as the spec and Moodle do and stores it in memory.</summary>
internal static class DemoScoreEndpoint
{
    private const int MaxBodyBytes = 16 * 1024;
    private const int MaxCommentLength = 4000;

    public static async Task<IResult> PostAsync(HttpContext context, string lineItemId, DemoGradebook gradebook, DemoCourse course, DemoAccessTokens tokens)
    {
        if ((DemoServiceHttp.RequireScope(context, tokens, LtiConstants.Scopes.Score)
            ?? DemoServiceHttp.RequireContentType(context.Request, LtiConstants.MediaTypes.Score)) is { } refused)
        {
            return refused;
        }

        JsonElement body;
        try
        {
            body = await DemoJsonBody.ReadAsync(context.Request, MaxBodyBytes, context.RequestAborted);
        }
        catch (DemoJsonBody.InvalidBodyException ex)
        {
            return DemoServiceHttp.BadRequest(ex.Message);
        }

        if (Parse(body, course) is not { } score)
        {
            return DemoServiceHttp.BadRequest("Incorrect score received: userId of a member, ISO 8601 timestamp, activityProgress and gradingProgress are required; scoreGiven needs a positive scoreMaximum.");
        }

        return gradebook.RecordScore(lineItemId, score) switch
        {
            DemoScoreOutcome.Stored => Results.Ok(),
            DemoScoreOutcome.NotNewer => Results.Text("A score with this or a later timestamp is already recorded.", statusCode: StatusCodes.Status409Conflict),
            _ => Results.NotFound(),
        };
    }

    private static DemoScore? Parse(JsonElement body, DemoCourse course)
    {
        var userId = DemoJsonBody.String(body, "userId");
        var activity = DemoJsonBody.String(body, "activityProgress");
        var grading = DemoJsonBody.String(body, "gradingProgress");
        var comment = DemoJsonBody.String(body, "comment");
        var timestampText = DemoJsonBody.String(body, "timestamp");
        if (userId is null || course.FindMember(userId) is null
            || !DemoSpecNames.ActivityProgress.Contains(activity) || !DemoSpecNames.GradingProgress.Contains(grading)
            || !DateTimeOffset.TryParse(timestampText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var timestamp)
            || comment is { Length: > MaxCommentLength })
        {
            return null;
        }

        var given = Number(body, "scoreGiven");
        var maximum = Number(body, "scoreMaximum");
        if (given is < 0 || (given is not null && maximum is not > 0))
        {
            return null;
        }

        return new DemoScore(userId, given, maximum, comment, timestamp, activity!, grading!);
    }

    private static double? Number(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;
}
