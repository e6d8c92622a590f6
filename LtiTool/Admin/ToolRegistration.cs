using System.Text.Json.Nodes;

namespace LtiTool.Admin;

/// <summary>
/// The tool's registration, from <c>lti-registration.json</c> at the repository root (embedded at build): Canvas's
/// developer-key JSON shape (Canvas <c>lti_dev_key_config.md</c>) with <c>{{base_url}}</c> and <c>{{host}}</c> placeholders.
/// It is the one source of the title, scopes, placements and privacy level: <c>/lti/config/canvas.json</c> serves it,
/// the setup page lists it and Dynamic Registration derives its tool configuration from it.
/// </summary>
public sealed class ToolRegistration
{
    public const string BaseUrlPlaceholder = "{{base_url}}";
    public const string HostPlaceholder = "{{host}}";
    public const string ResourceName = "LtiTool.lti-registration.json";

    private readonly JsonObject _template;

    public ToolRegistration()
        : this(LoadTemplate())
    {
    }

    internal ToolRegistration(string templateJson)
    {
        _template = JsonNode.Parse(templateJson)?.AsObject() ?? throw new InvalidOperationException("lti-registration.json is empty.");
        var canvas = CanvasExtension(_template);
        Title = Text(_template, "title");
        Description = Text(_template, "description");
        Scopes = [.. (_template["scopes"]?.AsArray() ?? []).Select(s => s!.GetValue<string>())];
        PrivacyLevel = Text(canvas, "privacy_level");
        ToolId = Text(canvas, "tool_id");
        Placements = [.. (canvas["settings"]?["placements"]?.AsArray() ?? [])
            .Select(p => new ToolPlacement(Text(p!, "placement"), Text(p!, "message_type"), Text(p!, "text")))];
    }

    public string Title { get; }

    public string Description { get; }

    /// <summary>The LTI Advantage scopes the tool asks for (AGS 2.0 §3.1, NRPS 2.0 §3.6).</summary>
    public IReadOnlyList<string> Scopes { get; }

    /// <summary>Canvas privacy level (<c>anonymous|name_only|email_only|public</c>): names for the class overview, no email.</summary>
    public string PrivacyLevel { get; }

    /// <summary>Canvas <c>tool_id</c>: a stable name for the tool across registrations.</summary>
    public string ToolId { get; }

    /// <summary>Canvas placements with their message type.</summary>
    public IReadOnlyList<ToolPlacement> Placements { get; }

    /// <summary>The registration with every placeholder replaced, e.g. for <c>https://edurec.example.edu</c>.</summary>
    public JsonObject Render(Uri baseUrl)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        var rendered = _template.DeepClone().AsObject();
        // Substituted inside parsed string values, never in the JSON text: a host cannot break out of a string.
        Substitute(rendered, baseUrl.GetLeftPart(UriPartial.Path).TrimEnd('/'), baseUrl.IdnHost);
        return rendered;
    }

    private static void Substitute(JsonNode node, string baseUrl, string host)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj.ToList())
                {
                    if (child is JsonValue value && value.TryGetValue<string>(out var text))
                    {
                        obj[key] = Replace(text, baseUrl, host);
                    }
                    else if (child is not null)
                    {
                        Substitute(child, baseUrl, host);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonValue value && value.TryGetValue<string>(out var text))
                    {
                        array[i] = Replace(text, baseUrl, host);
                    }
                    else if (array[i] is { } child)
                    {
                        Substitute(child, baseUrl, host);
                    }
                }

                break;
        }
    }

    private static string Replace(string text, string baseUrl, string host) =>
        text.Replace(BaseUrlPlaceholder, baseUrl, StringComparison.Ordinal).Replace(HostPlaceholder, host, StringComparison.Ordinal);

    private static JsonObject CanvasExtension(JsonObject template) =>
        (template["extensions"]?.AsArray() ?? [])
            .Select(e => e?.AsObject())
            .FirstOrDefault(e => e?["platform"]?.GetValue<string>() == RegistrationNames.CanvasPlatform)
        ?? throw new InvalidOperationException("lti-registration.json has no canvas.instructure.com extension.");

    private static string Text(JsonNode node, string name) =>
        node[name]?.GetValue<string>() ?? throw new InvalidOperationException($"lti-registration.json lacks '{name}'.");

    private static string LoadTemplate()
    {
        using var stream = typeof(ToolRegistration).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

/// <summary>One Canvas placement of the tool (Canvas <c>placements_overview.md</c>).</summary>
public sealed record ToolPlacement(string Placement, string MessageType, string Text);
