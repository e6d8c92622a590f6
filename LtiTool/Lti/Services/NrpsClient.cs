namespace LtiTool.Lti.Services;

/// <summary>
/// Names and Role Provisioning Services 2.0 client: the context's memberships with the role / limit / rlid filters
/// (NRPS 2.0 §2.4), read page by page to the end, and the <c>differences</c> link for the next, incremental read.
/// </summary>
public sealed class NrpsClient
{
    private static readonly string[] MembershipScopes = [LtiConstants.Scopes.ContextMembershipReadOnly];

    private readonly ServiceHttp _http;
    private readonly ServiceUrlGuard _guard;
    private readonly ServicePager _pager;

    internal NrpsClient(ServiceHttp http, ServiceUrlGuard guard, ServicePager pager)
    {
        _http = http;
        _guard = guard;
        _pager = pager;
    }

    /// <summary>
    /// The whole roster (all pages). Throws an <see cref="LtiServiceException"/> when it cannot be read completely, so
    /// no caller mistakes a partial roster for students who left.
    /// </summary>
    public async Task<Membership> GetMembershipsAsync(NrpsEndpoint endpoint, MembershipQuery? query = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var call = Call(endpoint);
        var url = ServiceUrls.WithQuery(
            _guard.Check(endpoint.Platform, endpoint.MembershipsUrl, call.CorrelationId),
            (LtiConstants.ServiceParameters.Role, query?.Role),
            (LtiConstants.ServiceParameters.Limit, query?.Limit?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            (LtiConstants.ServiceParameters.ResourceLinkFilter, query?.ResourceLinkId));
        return await ReadAsync(endpoint, call, url, cancellationToken);
    }

    /// <summary>The changes since the read that returned <paramref name="differencesUrl"/> (NRPS 2.0 §2.4.2).</summary>
    public async Task<Membership> GetDifferencesAsync(NrpsEndpoint endpoint, Uri differencesUrl, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(differencesUrl);
        var call = Call(endpoint);
        return await ReadAsync(endpoint, call, _guard.Check(endpoint.Platform, differencesUrl.AbsoluteUri, call.CorrelationId), cancellationToken);
    }

    private async Task<Membership> ReadAsync(NrpsEndpoint endpoint, ServiceCall call, Uri url, CancellationToken cancellationToken)
    {
        MembershipContext? context = null;
        Uri? differences = null;
        var members = new List<Member>();
        var pages = 0;
        var reader = _pager.ReadAsync(
            url,
            (page, ct) => _http.GetPageAsync(call, page, LtiConstants.MediaTypes.MembershipContainer, body =>
            {
                var container = ServiceJson.Read<MembershipContainer>(body, ServiceJson.SnakeCase, "memberships");
                context ??= container.Context;
                return container.Members ?? [];
            }, ct),
            member => member.UserId,
            endpoint.Platform.Issuer,
            call.CorrelationId,
            cancellationToken);
        await foreach (var page in reader)
        {
            pages++;
            members.AddRange(page.Items);
            differences = LinkHeader.Find(page.Links, LtiConstants.LinkRelations.Differences) ?? differences;
        }

        return new Membership(context, members, differences, pages);
    }

    private static ServiceCall Call(NrpsEndpoint endpoint) =>
        new(endpoint.Platform, ScopeSet.Of(MembershipScopes), MembershipScopes, ServiceCall.CorrelationOf(endpoint.CorrelationId));
}
