using System.Diagnostics;
using LtiTool.Lti.Views;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LtiTool.Lti;

/// <summary>How a rejection is answered: an HTML page inside the iframe, or ProblemDetails for JSON callers.</summary>
public static class LtiResults
{
    public const string ErrorIdExtension = "errorId";
    public const string CorrelationIdExtension = "correlationId";

    public static string CorrelationId(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier;
    }

    /// <summary>The HTML error page with the error's status code.</summary>
    public static IResult ErrorPage(HttpContext context, LtiError error, string? restartUrl = null) =>
        new RazorComponentResult<ErrorView>(new Dictionary<string, object?>
        {
            [nameof(ErrorView.Error)] = error,
            [nameof(ErrorView.CorrelationId)] = CorrelationId(context),
            [nameof(ErrorView.RestartUrl)] = restartUrl,
        })
        {
            StatusCode = error.StatusCode,
        };

    /// <summary>RFC 9457 problem details carrying the stable error id, for the tool's JSON API.</summary>
    public static IResult Problem(HttpContext context, LtiError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return TypedResults.Problem(
            title: error.Title,
            detail: error.Hint,
            statusCode: error.StatusCode,
            // A URN rather than a URL: the id is stable wherever the documentation is hosted (docs/errors.md).
            type: "urn:edurec:error:" + error.Id,
            extensions: new Dictionary<string, object?>
            {
                [ErrorIdExtension] = error.Id,
                [CorrelationIdExtension] = CorrelationId(context),
            });
    }

    /// <summary>An HTML page for browsers, ProblemDetails for callers that asked for JSON.</summary>
    public static IResult For(HttpContext context, LtiError error)
    {
        ArgumentNullException.ThrowIfNull(context);
        var wantsJson = context.Request.Path.StartsWithSegments("/api")
            || context.Request.Headers.Accept.Any(a => a?.Contains("json", StringComparison.OrdinalIgnoreCase) == true);
        return wantsJson ? Problem(context, error) : ErrorPage(context, error);
    }
}
