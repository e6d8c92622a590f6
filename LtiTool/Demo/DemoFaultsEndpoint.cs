namespace LtiTool.Demo;

/// <summary>
/// <c>GET|POST|DELETE /demo/faults</c> (Development only): read, set (form or query fields <c>fault</c>, <c>kind</c>,
/// <c>count</c>) or clear the fault in force, for trying the tool's resilience by hand.
/// </summary>
internal static class DemoFaultsEndpoint
{
    public static void Map(RouteGroupBuilder demo)
    {
        demo.MapGet("/faults", (DemoFaults faults) => Describe(faults));
        demo.MapDelete("/faults", (DemoFaults faults) =>
        {
            faults.Reset();
            return Describe(faults);
        });
        demo.MapPost("/faults", async (HttpContext context, DemoFaults faults) =>
        {
            var fields = context.Request.HasFormContentType
                ? (await context.Request.ReadFormAsync(context.RequestAborted)).ToDictionary(f => f.Key, f => f.Value.ToString())
                : context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString());
            if (!Enum.TryParse<DemoFault>(fields.GetValueOrDefault("fault"), ignoreCase: true, out var fault) || !Enum.IsDefined(fault))
            {
                return Results.BadRequest(new { error = "fault must be one of " + string.Join(", ", Enum.GetNames<DemoFault>()) });
            }

            DemoEndpointKind? kind = null;
            if (fields.GetValueOrDefault("kind") is { Length: > 0 } kindText)
            {
                if (!Enum.TryParse<DemoEndpointKind>(kindText, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
                {
                    return Results.BadRequest(new { error = "kind must be one of " + string.Join(", ", Enum.GetNames<DemoEndpointKind>()) });
                }

                kind = parsed;
            }

            int? count = null;
            if (fields.GetValueOrDefault("count") is { Length: > 0 } countText)
            {
                if (!int.TryParse(countText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed))
                {
                    return Results.BadRequest(new { error = "count must be a non-negative number" });
                }

                count = parsed;
            }

            faults.Set(fault, kind, count);
            return Describe(faults);
        });
    }

    private static IResult Describe(DemoFaults faults)
    {
        var (fault, only, remaining) = faults.Current;
        return Results.Json(new { fault = fault.ToString(), kind = only?.ToString(), remaining });
    }
}
