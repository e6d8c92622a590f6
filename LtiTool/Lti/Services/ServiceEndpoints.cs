using LtiTool.Lti.Launch;
using LtiTool.Lti.Platforms;

namespace LtiTool.Lti.Services;

/// <summary>
/// The Assignment and Grade Services of one launch (AGS 2.0 §3.1 endpoint claim), bound to the registration that
/// issued it: its URLs are only called with a token when they sit on that platform's hosts.
/// </summary>
/// <param name="OfferedScopes">The claim's <c>scope</c> array: no token asks for more.</param>
public sealed record AgsEndpoint(Platform Platform, IReadOnlyCollection<string> OfferedScopes, string? LineItemsUrl, string? LineItemUrl)
{
    /// <summary>
    /// Scopes the caller will use across a batch of calls (e.g. line items and results for a sync), so one token serves
    /// them all. Null: each call asks for its own single scope.
    /// </summary>
    public IReadOnlyCollection<string>? NeededScopes { get; init; }

    /// <summary>Carried in every log line of the calls; the current trace id when null.</summary>
    public string? CorrelationId { get; init; }

    public static AgsEndpoint FromLaunch(Platform platform, LaunchServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return new AgsEndpoint(platform, services.AgsScopes, services.LineItemsUrl, services.LineItemUrl);
    }

    /// <summary>This endpoint with the scopes a batch of calls will need declared (narrowed to the offered ones).</summary>
    public AgsEndpoint Needing(params string[] scopes) => this with { NeededScopes = scopes };
}

/// <summary>The Names and Role Provisioning Services of one launch (NRPS 2.0 §3.6 claim), bound to its registration.</summary>
public sealed record NrpsEndpoint(Platform Platform, string MembershipsUrl)
{
    /// <summary>Carried in every log line of the calls; the current trace id when null.</summary>
    public string? CorrelationId { get; init; }

    /// <summary>The endpoint of a launch, or null when the platform offered no NRPS.</summary>
    public static NrpsEndpoint? FromLaunch(Platform platform, LaunchServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.MembershipsUrl is { } url ? new NrpsEndpoint(platform, url) : null;
    }
}
