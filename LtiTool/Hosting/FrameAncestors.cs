using LtiTool.Lti.Platforms;
using Microsoft.Extensions.Options;

namespace LtiTool.Hosting;

/// <summary>
/// The origins allowed to frame the tool: the registered platforms' issuer and authorization origins plus the
/// admin's extra origins (Canvas frames from institution domains, not from its issuer). Refreshed every minute,
/// so a newly registered platform can frame the tool without a restart.
/// </summary>
public sealed class FrameAncestors(IPlatformStore platforms, TimeProvider timeProvider, IOptions<Lti.LtiOptions> options) : IDisposable
{
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _directive;
    private DateTimeOffset _refreshedAt;

    /// <summary>The CSP frame-ancestors source list, e.g. <c>'self' https://lms.example.edu</c>.</summary>
    public async ValueTask<string> SourcesAsync(CancellationToken cancellationToken)
    {
        if (_directive is { } cached && timeProvider.GetUtcNow() - _refreshedAt < RefreshInterval)
        {
            return cached;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_directive is null || timeProvider.GetUtcNow() - _refreshedAt >= RefreshInterval)
            {
                var registered = await platforms.ListAsync(cancellationToken);
                var origins = registered.SelectMany(p => new[] { p.Issuer, p.AuthUrl })
                    .Concat(options.Value.ExtraFrameAncestors)
                    .Select(Origin)
                    .OfType<string>()
                    .Distinct(StringComparer.OrdinalIgnoreCase);
                _directive = string.Join(' ', origins.Prepend("'self'"));
                _refreshedAt = timeProvider.GetUtcNow();
            }

            return _directive;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Forgets the cached list, after a registration changed.</summary>
    public void Invalidate() => _directive = null;

    public void Dispose() => _gate.Dispose();

    // Only scheme://host[:port] of http(s) URLs; anything else could inject CSP syntax.
    private static string? Origin(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri.GetLeftPart(UriPartial.Authority)
            : null;
}
