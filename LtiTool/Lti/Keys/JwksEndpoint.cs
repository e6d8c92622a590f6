namespace LtiTool.Lti.Keys;

/// <summary><c>GET /.well-known/jwks.json</c>: the tool's public keys for platforms (Security Framework §6.3).</summary>
public static class JwksEndpoint
{
    public const string Path = "/.well-known/jwks.json";

    public static IEndpointRouteBuilder MapJwks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, GetAsync).ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> GetAsync(ToolKeyRing keyRing, HttpContext context, CancellationToken cancellationToken)
    {
        var keys = await keyRing.GetPublishedKeysAsync(cancellationToken);
        // Short caching: the next key is published long before use, so platforms never need a fresher copy.
        context.Response.Headers.CacheControl = "public, max-age=300";
        return Results.Json(new { keys });
    }
}
