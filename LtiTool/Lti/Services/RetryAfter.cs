using System.Net.Http.Headers;

namespace LtiTool.Lti.Services;

/// <summary>
/// Reads <c>Retry-After</c> (RFC 9110 §10.2.3) as seconds or as an HTTP date, judged against the injected clock, and
/// caps it so a hostile value (<c>Retry-After: 999999</c>) cannot stall a worker (security catalogue case 88).
/// </summary>
internal static class RetryAfter
{
    public static TimeSpan? Read(HttpResponseHeaders headers, DateTimeOffset now, TimeSpan cap)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var header = headers.RetryAfter;
        TimeSpan? delay = header?.Delta ?? (header?.Date is { } date ? date - now : null);
        if (delay is not { } value)
        {
            return null;
        }

        return value < TimeSpan.Zero ? TimeSpan.Zero : value > cap ? cap : value;
    }
}
