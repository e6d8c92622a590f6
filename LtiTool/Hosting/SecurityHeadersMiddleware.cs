namespace LtiTool.Hosting;

/// <summary>
/// Headers for pages that live inside LMS iframes: CSP with frame-ancestors limited to registered platforms
/// (X-Frame-Options cannot list several origins, so it is not sent), no sniffing, no referrer (tool session ids
/// travel in URLs), and no caching of pages that show grades (catalogue cases 65, 71, 73).
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next, FrameAncestors frameAncestors)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var ancestors = await frameAncestors.SourcesAsync(context.RequestAborted);
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy =
                "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; " +
                $"base-uri 'self'; frame-ancestors {ancestors}";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin-allow-popups";
            headers.Remove("X-Frame-Options");
            // Pages default to no-store; endpoints that chose their own caching (JWKS, static assets) keep it.
            if (string.IsNullOrEmpty(headers.CacheControl) && !context.Request.Path.StartsWithSegments("/css")
                && !context.Request.Path.StartsWithSegments("/js"))
            {
                headers.CacheControl = "no-store";
            }

            return Task.CompletedTask;
        });
        await next(context);
    }
}
