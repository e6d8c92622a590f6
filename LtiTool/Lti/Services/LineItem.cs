using System.Text.Json;
using System.Text.Json.Serialization;

namespace LtiTool.Lti.Services;

/// <summary>
/// A line item (gradebook column), AGS 2.0 §3.2, media type <c>application/vnd.ims.lis.v2.lineitem+json</c>. JSON
/// names are the camelCase of the property names. Platform extensions (Moodle's <c>ltiLinkId</c>, Canvas's submission
/// settings) are kept in <see cref="Extensions"/> so an update sends them back unchanged.
/// </summary>
public sealed record LineItem
{
    /// <summary>The line item's URL: where it is read, updated and deleted, and the base of its results and scores.</summary>
    public string? Id { get; init; }

    public double ScoreMaximum { get; init; }

    public string Label { get; init; } = string.Empty;

    /// <summary>The tool's own id for the column (e.g. a practice set); what <see cref="AgsClient.EnsureLineItemAsync"/> looks up.</summary>
    public string? ResourceId { get; init; }

    public string? Tag { get; init; }

    public string? ResourceLinkId { get; init; }

    [JsonConverter(typeof(LenientTimestampConverter))]
    public DateTimeOffset? StartDateTime { get; init; }

    [JsonConverter(typeof(LenientTimestampConverter))]
    public DateTimeOffset? EndDateTime { get; init; }

    public bool? GradesReleased { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extensions { get; init; }
}

/// <summary>Filters of the line items container (AGS 2.0 §3.2.4). <see cref="Limit"/> is a wish: platforms cap it (Brightspace at 200).</summary>
public sealed record LineItemQuery(string? ResourceLinkId = null, string? ResourceId = null, string? Tag = null, int? Limit = null);

/// <summary>The line item found by its resourceId / tag, or created because none was.</summary>
public sealed record EnsuredLineItem(LineItem LineItem, bool Created);
