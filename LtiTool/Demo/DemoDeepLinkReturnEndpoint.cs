using System.Text;
using System.Text.Json;
using LtiTool.Lti;

namespace LtiTool.Demo;

/// <summary>
/// <c>POST /demo/deeplink/return</c>: receives the tool's deep linking response (form field <c>JWT</c>, Deep Linking 2.0
/// §4.5), checks it as a platform must, adds the returned resource links (and their gradebook columns) to the course,
/// and shows what came back.
/// </summary>
internal static class DemoDeepLinkReturnEndpoint
{
    private const string Title = "Content returned by the tool";

    public static async Task<IResult> HandleAsync(
        HttpContext context, DemoPlatform platform, DemoGradebook gradebook, DemoBaseUrl baseUrl, DemoToolTokenValidator validator, DemoDeepLinkData deepLinkData)
    {
        if (!context.Request.HasFormContentType)
        {
            return DemoHtml.Error(Title, "The deep linking response must be a form post.");
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var urls = baseUrl.ForRequest(context.Request);
        var check = await validator.ValidateAsync(form[DemoSpecNames.DeepLinkingResponseField], platform.ClientId, urls.Issuer, urls, context.RequestAborted);
        if (check.Token is not { } token)
        {
            return DemoHtml.Error(Title, check.Error!);
        }

        string Claim(string name) => token.TryGetPayloadValue<string>(name, out var value) ? value : string.Empty;
        var problem = (Claim(LtiConstants.Claims.MessageType), Claim(LtiConstants.Claims.Version), Claim(LtiConstants.Claims.DeploymentId)) switch
        {
            (not LtiConstants.MessageTypes.DeepLinkingResponse, _, _) => "The message type is not LtiDeepLinkingResponse.",
            (_, not LtiConstants.LtiVersion, _) => "The version is not 1.3.0.",
            (_, _, var deployment) when deployment != platform.DeploymentId => "The deployment id is not this platform's.",
            _ when Claim(LtiConstants.Claims.Nonce).Length == 0 => "The response has no nonce.",
            _ when !deepLinkData.TryRedeem(Claim(LtiConstants.Claims.DeepLinkingData)) => "The data claim does not echo a pending deep linking request, or was used already.",
            _ => null,
        };
        if (problem is not null)
        {
            return DemoHtml.Error(Title, problem);
        }

        var items = token.TryGetPayloadValue<JsonElement>(LtiConstants.Claims.DeepLinkingContentItems, out var array) && array.ValueKind == JsonValueKind.Array
            ? array.EnumerateArray().ToArray()
            : [];
        return DemoHtml.Page(Title, Render(items.Select(i => Place(i, gradebook)).ToArray(), Claim(DeepLinkingMessageClaim), Claim(DeepLinkingErrorClaim)));
    }

    // Message claims of the response (Deep Linking 2.0 §4.5.4), not in LtiConstants: only the platform reads them.
    private const string DeepLinkingMessageClaim = "https://purl.imsglobal.org/spec/lti-dl/claim/msg";
    private const string DeepLinkingErrorClaim = "https://purl.imsglobal.org/spec/lti-dl/claim/errormsg";

    private sealed record PlacedItem(string Type, string Title, string? Url, string? GradebookColumn);

    /// <summary>Adds an ltiResourceLink to the course, with a line item when the tool asked for one (Deep Linking 2.0 §3.4.9).</summary>
    private static PlacedItem Place(JsonElement item, DemoGradebook gradebook)
    {
        var type = DemoJsonBody.String(item, "type") ?? "(no type)";
        var title = DemoJsonBody.String(item, "title") ?? "(untitled)";
        var url = DemoJsonBody.String(item, "url");
        if (type != DemoSpecNames.ContentItemTypeLtiResourceLink || item.ValueKind != JsonValueKind.Object)
        {
            return new PlacedItem(type, title, url, null);
        }

        var custom = item.TryGetProperty("custom", out var c) && c.ValueKind == JsonValueKind.Object
            ? c.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String).ToDictionary(p => p.Name, p => p.Value.GetString()!)
            : [];
        var link = gradebook.AddResourceLink(title, DemoJsonBody.String(item, "text"), url, custom);
        string? column = null;
        if (item.TryGetProperty("lineItem", out var lineItem) && lineItem.ValueKind == JsonValueKind.Object
            && lineItem.TryGetProperty("scoreMaximum", out var max) && max.ValueKind == JsonValueKind.Number && max.GetDouble() > 0)
        {
            var label = DemoJsonBody.String(lineItem, "label") ?? title;
            gradebook.AddLineItem(label, max.GetDouble(), DemoJsonBody.String(lineItem, "resourceId"), DemoJsonBody.String(lineItem, "tag"), link.Id);
            column = $"{label} (out of {max.GetDouble().ToString(System.Globalization.CultureInfo.InvariantCulture)})";
        }

        return new PlacedItem(type, title, url, column);
    }

    private static string Render(IReadOnlyList<PlacedItem> items, string message, string error)
    {
        var list = new StringBuilder();
        foreach (var item in items)
        {
            list.Append(FormattableString.Invariant($"<li><strong>{DemoHtml.Encode(item.Title)}</strong> ({DemoHtml.Encode(item.Type)})"));
            list.Append(item.Url is null ? string.Empty : $"<br>URL: <code>{DemoHtml.Encode(item.Url)}</code>");
            list.Append(item.GradebookColumn is null ? " – not graded" : $"<br>Gradebook column: {DemoHtml.Encode(item.GradebookColumn)}");
            list.Append("</li>");
        }

        return $"""
            <main class="message">
            <h1>{Title}</h1>
            {(message.Length > 0 ? $"<p>{DemoHtml.Encode(message)}</p>" : string.Empty)}
            {(error.Length > 0 ? $"<p role=\"alert\">{DemoHtml.Encode(error)}</p>" : string.Empty)}
            <p>{items.Count} item(s) added to the course.</p>
            <ul id="content-items">{list}</ul>
            <p><a href="/demo" target="_top">Back to the course</a></p>
            </main>
            """;
    }
}
