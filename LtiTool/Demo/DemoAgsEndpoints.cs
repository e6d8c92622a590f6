using LtiTool.Lti;
using Microsoft.Extensions.Options;

namespace LtiTool.Demo;

/// <summary>
/// Assignment and Grade Services 2.0 of the demo course, at Moodle's paths (line items container, line item,
/// results, scores), with Moodle's rules: strict media types, <c>type_id</c> required, 409 for a score that is not newer.
/// </summary>
internal static class DemoAgsEndpoints
{
    private const string LineItemsPath = "/{contextId}/lineitems";
    private const string LineItemPath = "/{contextId}/lineitems/{lineItemId}/lineitem";

    public static void Map(RouteGroupBuilder api)
    {
        var ags = api.MapGroup(string.Empty).AddEndpointFilter(new DemoFaultFilter(DemoEndpointKind.Ags)).AddEndpointFilter(CheckCourseAndType);
        ags.MapGet(LineItemsPath, ListLineItems);
        ags.MapPost(LineItemsPath, DemoLineItemWrites.CreateAsync);
        ags.MapGet(LineItemPath, GetLineItem);
        ags.MapPut(LineItemPath, DemoLineItemWrites.UpdateAsync);
        ags.MapDelete(LineItemPath, DemoLineItemWrites.Delete);
        ags.MapGet(LineItemPath + "/results", ListResults);
        ags.MapPost(LineItemPath + "/scores", DemoScoreEndpoint.PostAsync);
    }

    /// <summary>The JSON of a line item (AGS 2.0 §3.2); <c>ltiLinkId</c> repeats <c>resourceLinkId</c> as Moodle does.</summary>
    public static object ToJson(DemoLineItem item, DemoUrls urls) => new
    {
        id = urls.LineItemUrl(item.Id),
        label = item.Label,
        scoreMaximum = item.ScoreMaximum,
        resourceId = item.ResourceId,
        tag = item.Tag,
        resourceLinkId = item.ResourceLinkId,
        ltiLinkId = item.ResourceLinkId,
    };

    private static IResult ListLineItems(HttpContext context, DemoGradebook gradebook, DemoAccessTokens tokens, DemoBaseUrl baseUrl, IOptions<DemoOptions> options)
    {
        if ((DemoServiceHttp.RequireScope(context, tokens, LtiConstants.Scopes.LineItem, LtiConstants.Scopes.LineItemReadOnly)
            ?? DemoServiceHttp.RequireAcceptable(context.Request, LtiConstants.MediaTypes.LineItemContainer)) is { } refused)
        {
            return refused;
        }

        // Filters of AGS 2.0 §3.2.4.
        var query = context.Request.Query;
        var items = gradebook.LineItems
            .Where(l => Matches(query["resource_link_id"], l.ResourceLinkId) && Matches(query["resource_id"], l.ResourceId) && Matches(query["tag"], l.Tag))
            .ToArray();
        var urls = baseUrl.ForRequest(context.Request);
        var page = DemoPaging.Page(context, urls, items, options.Value.DefaultPageSize, typographicQuotes: false, out var error);
        return page is null ? error! : DemoServiceHttp.Send(page.Select(l => ToJson(l, urls)).ToArray(), LtiConstants.MediaTypes.LineItemContainer);
    }

    private static IResult GetLineItem(HttpContext context, string lineItemId, DemoGradebook gradebook, DemoAccessTokens tokens, DemoBaseUrl baseUrl)
    {
        if ((DemoServiceHttp.RequireScope(context, tokens, LtiConstants.Scopes.LineItem, LtiConstants.Scopes.LineItemReadOnly)
            ?? DemoServiceHttp.RequireAcceptable(context.Request, LtiConstants.MediaTypes.LineItem)) is { } refused)
        {
            return refused;
        }

        return gradebook.FindLineItem(lineItemId) is { } item
            ? DemoServiceHttp.Send(ToJson(item, baseUrl.ForRequest(context.Request)), LtiConstants.MediaTypes.LineItem)
            : Results.NotFound();
    }

    private static IResult ListResults(HttpContext context, string lineItemId, DemoGradebook gradebook, DemoAccessTokens tokens, DemoBaseUrl baseUrl, IOptions<DemoOptions> options)
    {
        if ((DemoServiceHttp.RequireScope(context, tokens, LtiConstants.Scopes.ResultReadOnly)
            ?? DemoServiceHttp.RequireAcceptable(context.Request, LtiConstants.MediaTypes.ResultContainer)) is { } refused)
        {
            return refused;
        }

        if (gradebook.FindLineItem(lineItemId) is null)
        {
            return Results.NotFound();
        }

        if (options.Value.Platform == DemoPlatformKind.Moodle && context.Request.Query.ContainsKey(LtiConstants.ServiceParameters.Limit))
        {
            return MoodleResultsCrash();
        }

        var userId = context.Request.Query["user_id"].ToString();
        var results = gradebook.ResultsOf(lineItemId).Where(r => userId.Length == 0 || r.UserId == userId).ToArray();
        var urls = baseUrl.ForRequest(context.Request);
        var page = DemoPaging.Page(context, urls, results, options.Value.DefaultPageSize, typographicQuotes: false, out var error);
        if (page is null)
        {
            return error!;
        }

        // Result JSON (AGS 2.0 §3.3): id, scoreOf, userId, resultScore, resultMaximum, comment, timestamp.
        var body = page.Select(r => new
        {
            id = $"{urls.ResultsUrl(lineItemId)}&user_id={Uri.EscapeDataString(r.UserId)}",
            userId = r.UserId,
            resultScore = r.ResultScore,
            resultMaximum = r.ResultMaximum,
            comment = r.Comment,
            scoreOf = urls.LineItemUrl(lineItemId),
            timestamp = r.Timestamp,
        }).ToArray();
        return DemoServiceHttp.Send(body, LtiConstants.MediaTypes.ResultContainer);
    }

    /// <summary>
    /// What Moodle 5.0 answers to a results GET with <c>limit</c> on a URL with <c>type_id</c>: results.php builds its
    /// paging link only for URLs without type_id and calls out() on null (line 238), so PHP's error page comes back as 404.
    /// </summary>
    private static IResult MoodleResultsCrash() => Results.Content(
        "<!DOCTYPE html><html lang=\"en\"><head><title>Error</title></head><body><p class=\"errormessage\">Exception - Call to a member function out() on null</p></body></html>",
        System.Net.Mime.MediaTypeNames.Text.Html,
        System.Text.Encoding.UTF8,
        StatusCodes.Status404NotFound);

    private static bool Matches(string? filter, string? value) => string.IsNullOrEmpty(filter) || filter == value;

    /// <summary>Only the seeded course exists, and Moodle's service URLs need the tool's <c>type_id</c>.</summary>
    private static async ValueTask<object?> CheckCourseAndType(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        if (request.RouteValues["contextId"] as string != DemoCourse.ContextId)
        {
            return Results.NotFound();
        }

        return request.Query["type_id"] == "1"
            ? await next(context)
            : DemoServiceHttp.BadRequest("type_id is missing or wrong: keep the query string of the service URL (scores and results go before '?').");
    }
}
