using System.Text.Json;
using LtiTool.Lti;

namespace LtiTool.Demo;

/// <summary>Creating, updating and deleting line items (AGS 2.0 §3.2.5–3.2.7), with Moodle's refusal of a column without label or maximum.</summary>
internal static class DemoLineItemWrites
{
    private const int MaxBodyBytes = 64 * 1024;
    private const int MaxTextLength = 1000;

    public static async Task<IResult> CreateAsync(HttpContext context, DemoGradebook gradebook, DemoAccessTokens tokens, DemoBaseUrl baseUrl)
    {
        if (Refuse(context, tokens) is { } refused)
        {
            return refused;
        }

        var (fields, error) = await ReadAsync(context, gradebook);
        if (fields is null)
        {
            return error!;
        }

        var item = gradebook.AddLineItem(fields.Label, fields.ScoreMaximum, fields.ResourceId, fields.Tag, fields.ResourceLinkId);
        var urls = baseUrl.ForRequest(context.Request);
        context.Response.Headers.Location = urls.LineItemUrl(item.Id);
        return DemoServiceHttp.Send(DemoAgsEndpoints.ToJson(item, urls), LtiConstants.MediaTypes.LineItem, StatusCodes.Status201Created);
    }

    public static async Task<IResult> UpdateAsync(HttpContext context, string lineItemId, DemoGradebook gradebook, DemoAccessTokens tokens, DemoBaseUrl baseUrl)
    {
        if (Refuse(context, tokens) is { } refused)
        {
            return refused;
        }

        if (gradebook.FindLineItem(lineItemId) is not { } existing)
        {
            return Results.NotFound();
        }

        var (fields, error) = await ReadAsync(context, gradebook);
        if (fields is null)
        {
            return error!;
        }

        var updated = existing with
        {
            Label = fields.Label,
            ScoreMaximum = fields.ScoreMaximum,
            ResourceId = fields.ResourceId ?? existing.ResourceId,
            Tag = fields.Tag ?? existing.Tag,
        };
        return gradebook.ReplaceLineItem(updated)
            ? DemoServiceHttp.Send(DemoAgsEndpoints.ToJson(updated, baseUrl.ForRequest(context.Request)), LtiConstants.MediaTypes.LineItem)
            : Results.NotFound();
    }

    public static IResult Delete(HttpContext context, string lineItemId, DemoGradebook gradebook, DemoAccessTokens tokens) =>
        DemoServiceHttp.RequireScope(context, tokens, LtiConstants.Scopes.LineItem)
            ?? (gradebook.DeleteLineItem(lineItemId) ? Results.NoContent() : Results.NotFound());

    private static IResult? Refuse(HttpContext context, DemoAccessTokens tokens) =>
        DemoServiceHttp.RequireScope(context, tokens, LtiConstants.Scopes.LineItem)
            ?? DemoServiceHttp.RequireContentType(context.Request, LtiConstants.MediaTypes.LineItem);

    private sealed record LineItemFields(string Label, double ScoreMaximum, string? ResourceId, string? Tag, string? ResourceLinkId);

    private static async Task<(LineItemFields? Fields, IResult? Error)> ReadAsync(HttpContext context, DemoGradebook gradebook)
    {
        JsonElement body;
        try
        {
            body = await DemoJsonBody.ReadAsync(context.Request, MaxBodyBytes, context.RequestAborted);
        }
        catch (DemoJsonBody.InvalidBodyException ex)
        {
            return (null, DemoServiceHttp.BadRequest(ex.Message));
        }

        var label = DemoJsonBody.String(body, "label");
        var hasMaximum = body.TryGetProperty("scoreMaximum", out var max) && max.ValueKind == JsonValueKind.Number && max.GetDouble() > 0;
        if (string.IsNullOrWhiteSpace(label) || label.Length > MaxTextLength || !hasMaximum)
        {
            // Moodle's exact message for this case (reference 4.2).
            return (null, DemoServiceHttp.BadRequest("No label or Score Maximum"));
        }

        var resourceLinkId = DemoJsonBody.String(body, "resourceLinkId");
        if (resourceLinkId is not null && gradebook.FindResourceLink(resourceLinkId) is null)
        {
            return (null, DemoServiceHttp.BadRequest("resourceLinkId names no resource link of this course."));
        }

        var fields = new LineItemFields(label, max.GetDouble(), Limit(DemoJsonBody.String(body, "resourceId")), Limit(DemoJsonBody.String(body, "tag")), resourceLinkId);
        return (fields, null);
    }

    private static string? Limit(string? value) => value is { Length: > MaxTextLength } ? value[..MaxTextLength] : value;
}
