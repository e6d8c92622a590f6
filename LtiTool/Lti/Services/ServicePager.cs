using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;

namespace LtiTool.Lti.Services;

/// <summary>One page of a service container and the links that came with it.</summary>
internal sealed record ServicePage<T>(Uri Url, IReadOnlyList<T> Items, IReadOnlyList<WebLink> Links);

/// <summary>
/// Follows <c>rel="next"</c> exactly as given (AGS 2.0 §3.2.3; NRPS 2.0 §2.4.1; never built from offsets, so
/// Brightspace's 200-item cap on line items or any other page size is simply followed), with the guards of security
/// catalogue case 93: the same origin as the first page, no page read twice (a URL seen before, or a page whose items
/// were all read already), and at most <see cref="ServicesOptions.MaxPages"/> pages. A guard that trips ends the listing
/// with an <see cref="LtiServiceException"/> after the pages already yielded, each item yielded once.
/// </summary>
internal sealed class ServicePager(IOptions<ServicesOptions> options, ILogger<ServicePager> logger)
{
    public async IAsyncEnumerable<ServicePage<T>> ReadAsync<T>(
        Uri first,
        Func<Uri, CancellationToken, Task<ServicePage<T>>> fetch,
        Func<T, string?> key,
        string issuer,
        string correlationId,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(fetch);
        ArgumentNullException.ThrowIfNull(key);
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var seenKeys = new HashSet<string>(StringComparer.Ordinal);
        var url = first;
        var pages = 0;
        while (true)
        {
            if (!visited.Add(url.AbsoluteUri))
            {
                throw Stop(LtiServiceError.PagingLoop, first, pages, issuer, correlationId);
            }

            if (pages >= options.Value.MaxPages)
            {
                throw Stop(LtiServiceError.PageLimitReached, first, pages, issuer, correlationId);
            }

            var page = await fetch(url, cancellationToken);
            pages++;
            var fresh = new List<T>(page.Items.Count);
            foreach (var item in page.Items)
            {
                if (key(item) is not { } itemKey || seenKeys.Add(itemKey))
                {
                    fresh.Add(item);
                }
            }

            if (fresh.Count == 0 && page.Items.Count > 0)
            {
                // A next link to the same page under another URL (e.g. without and with from=0).
                throw Stop(LtiServiceError.PagingLoop, first, pages, issuer, correlationId);
            }

            yield return page with { Items = fresh };
            if (LinkHeader.Find(page.Links, LtiConstants.LinkRelations.Next) is not { } next)
            {
                yield break;
            }

            if (!SameOrigin(first, next))
            {
                throw Stop(LtiServiceError.ForeignNextLink, first, pages, issuer, correlationId);
            }

            url = next;
        }
    }

    private static bool SameOrigin(Uri first, Uri next) =>
        first.Scheme == next.Scheme && first.Port == next.Port && string.Equals(first.IdnHost, next.IdnHost, StringComparison.OrdinalIgnoreCase);

    private LtiServiceException Stop(LtiServiceError reason, Uri first, int pages, string issuer, string correlationId)
    {
        ServicesLog.PagingStopped(logger, issuer, first.AbsolutePath, pages, reason, correlationId);
        return new LtiServiceException(reason, $"Paging of {first.AbsolutePath} at {issuer} stopped after {pages} pages: {reason}. The listing is incomplete.");
    }
}
