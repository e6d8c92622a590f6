using System.Text.Json;
using System.Text.Json.Serialization;

namespace LtiTool.Lti.Services;

/// <summary>
/// A course member, NRPS 2.0 §2.2; JSON names are the snake_case of the property names. Names and email are absent
/// when the platform's privacy settings withhold them.
/// </summary>
public sealed record Member
{
    /// <summary>The LTI user id, the same as the launch's <c>sub</c>.</summary>
    public string UserId { get; init; } = string.Empty;

    public IReadOnlyList<string> Roles { get; init; } = [];

    /// <summary>Active (also when absent), Inactive or Deleted (<see cref="LtiConstants.MemberStatus"/>).</summary>
    public string? Status { get; init; }

    public string? Name { get; init; }

    public string? GivenName { get; init; }

    public string? FamilyName { get; init; }

    public string? MiddleName { get; init; }

    public string? Email { get; init; }

    public string? Picture { get; init; }

    public string? LisPersonSourcedid { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extensions { get; init; }

    public bool IsActive => Status is null || string.Equals(Status, LtiConstants.MemberStatus.Active, StringComparison.OrdinalIgnoreCase);
}

/// <summary>The context of a membership container (NRPS 2.0 §2.1).</summary>
public sealed record MembershipContext(string? Id, string? Label, string? Title);

/// <summary>
/// A whole roster read to the last page. <see cref="DifferencesUrl"/> is the platform's <c>rel="differences"</c> link
/// (NRPS 2.0 §2.4.2): pass it to <see cref="NrpsClient.GetDifferencesAsync"/> next time to read only the changes.
/// </summary>
public sealed record Membership(MembershipContext? Context, IReadOnlyList<Member> Members, Uri? DifferencesUrl, int Pages);

/// <summary>Filters of the membership container (NRPS 2.0 §2.4): a role URI or short name, a page size wish, a resource link id.</summary>
public sealed record MembershipQuery(string? Role = null, int? Limit = null, string? ResourceLinkId = null);

/// <summary>The membership container document (NRPS 2.0 §2.1).</summary>
internal sealed record MembershipContainer(string? Id, MembershipContext? Context, IReadOnlyList<Member>? Members);
