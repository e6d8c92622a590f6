namespace LtiTool.Demo;

/// <summary>
/// Lets the demo JWKS be cached for five minutes, as platforms' key sets are (tools cache them; Security Framework §6.3).
/// The app's security headers mark every response <c>no-store</c> when it starts; response-start callbacks run last
/// registered first, so this one, registered ahead of the whole pipeline, has the final word.
/// </summary>
internal sealed class DemoJwksCacheHeader : IStartupFilter
{
    public const string Path = "/demo/jwks.json";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            if (context.Request.Path.Equals(Path, StringComparison.Ordinal))
            {
                context.Response.OnStarting(() =>
                {
                    if (context.Response.StatusCode == StatusCodes.Status200OK)
                    {
                        context.Response.Headers.CacheControl = "public, max-age=300";
                    }

                    return Task.CompletedTask;
                });
            }

            await nextMiddleware(context);
        });
        next(app);
    };
}
