namespace LtiTool.Demo;

/// <summary><c>GET /demo/jwks.json</c>: the platform's public key set (Security Framework §6.3); see <see cref="DemoJwksCacheHeader"/> for caching.</summary>
internal static class DemoJwksEndpoint
{
    public static void Map(RouteGroupBuilder demo) =>
        demo.MapGet("/jwks.json", (DemoPlatform platform) => Results.Json(platform.PublicJwks()))
            .AddEndpointFilter(new DemoFaultFilter(DemoEndpointKind.Jwks));
}
