using Microsoft.Extensions.Options;

namespace LtiTool.Demo;

/// <summary>Applies the fault in force (<see cref="DemoFaults"/>) to the endpoints of one kind, before they run.</summary>
internal sealed class DemoFaultFilter(DemoEndpointKind kind) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var services = http.RequestServices;
        var faults = services.GetRequiredService<DemoFaults>();
        switch (faults.Take(kind))
        {
            case DemoFault.CanvasThrottle403:
                // Canvas throttles with 403, not 429, and says so only in the body and this header.
                http.Response.Headers["X-Rate-Limit-Remaining"] = "0";
                return Results.Text("Rate Limit Exceeded", statusCode: StatusCodes.Status403Forbidden);
            case DemoFault.TooManyRequests429:
                http.Response.Headers.RetryAfter = faults.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return Results.Text("Too Many Requests", statusCode: StatusCodes.Status429TooManyRequests);
            case DemoFault.ServerError500:
                return Results.Text("Internal Server Error", statusCode: StatusCodes.Status500InternalServerError);
            case DemoFault.MalformedJson:
                var mediaType = http.Request.GetTypedHeaders().Accept.Select(a => a.MediaType.Value).FirstOrDefault(m => m?.EndsWith("json", StringComparison.OrdinalIgnoreCase) == true);
                return Results.Text("{\"truncated\": [", mediaType ?? "application/json", statusCode: StatusCodes.Status200OK);
            case DemoFault.Timeout:
                var delay = services.GetRequiredService<IOptions<DemoOptions>>().Value.FaultTimeoutDelay;
                // Waits on the injected clock and ends as soon as the client gives up.
                await Task.Delay(delay, services.GetRequiredService<TimeProvider>(), http.RequestAborted);
                return await next(context);
            case DemoFault.PagingLoop:
                http.Items[DemoPaging.LoopItemKey] = true;
                return await next(context);
            default:
                return await next(context);
        }
    }
}
