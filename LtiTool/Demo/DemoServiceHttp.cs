using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Net.Http.Headers;

namespace LtiTool.Demo;

/// <summary>What every AGS and NRPS endpoint of the demo checks and how it answers: bearer scope, exact media types, JSON.</summary>
internal static class DemoServiceHttp
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>
    /// Null when the request carries a live bearer token with one of <paramref name="anyOfScopes"/>; else 401 (no or bad
    /// token) or 403 (token without the scope), as RFC 6750 §3.1 describes.
    /// </summary>
    public static IResult? RequireScope(HttpContext context, DemoAccessTokens tokens, params string[] anyOfScopes)
    {
        var header = context.Request.Headers.Authorization.ToString();
        var prefix = DemoSpecNames.BearerScheme + " ";
        var scopes = header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? tokens.ScopesOf(header[prefix.Length..].Trim()) : null;
        if (scopes is null)
        {
            context.Response.Headers.WWWAuthenticate = DemoSpecNames.BearerScheme;
            return Results.Text("A valid bearer token from /demo/token is required.", statusCode: StatusCodes.Status401Unauthorized);
        }

        return anyOfScopes.Any(scopes.Contains)
            ? null
            : Results.Text("The access token lacks the scope this service needs.", statusCode: StatusCodes.Status403Forbidden);
    }

    /// <summary>406 when the client's Accept excludes the media type (wildcards and no Accept are fine).</summary>
    public static IResult? RequireAcceptable(HttpRequest request, string mediaType)
    {
        var accept = request.GetTypedHeaders().Accept;
        var acceptable = accept.Count == 0 || accept.Any(a => a.MediaType == "*/*" || a.MediaType.Equals(mediaType, StringComparison.OrdinalIgnoreCase));
        return acceptable ? null : Results.Text($"This endpoint serves {mediaType}.", statusCode: StatusCodes.Status406NotAcceptable);
    }

    /// <summary>415 unless the body is of exactly this media type: Moodle is strict about it (reference 4.2).</summary>
    public static IResult? RequireContentType(HttpRequest request, string mediaType) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType) && contentType.MediaType.Equals(mediaType, StringComparison.OrdinalIgnoreCase)
            ? null
            : Results.Text($"The body must be {mediaType}.", statusCode: StatusCodes.Status415UnsupportedMediaType);

    /// <summary>Moodle's services answer with the spec media type plus a charset.</summary>
    public static IResult Send(object body, string mediaType, int status = StatusCodes.Status200OK) =>
        Results.Json(body, Json, $"{mediaType}; charset=utf-8", status);

    public static IResult BadRequest(string message) => Results.Text(message, statusCode: StatusCodes.Status400BadRequest);
}
