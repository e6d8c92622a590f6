using Microsoft.AspNetCore.Http.Extensions;

namespace LtiTool.Demo;

/// <summary>
/// Paging of AGS and NRPS containers with <c>limit</c> and <c>from</c> (Moodle's parameters) and a <c>Link</c> header to
/// the next page (AGS 2.0 §3.2.3, NRPS 2.0 §2.4.1; RFC 8288).
/// </summary>
internal static class DemoPaging
{
    private const int MaxLimit = 1000;

    /// <summary>Set by the <see cref="DemoFault.PagingLoop"/> fault: the next link points at the page just served.</summary>
    public const string LoopItemKey = "demo.paging-loop";

    /// <summary>The page the request asks for, or null with <paramref name="error"/> set when limit or from is not a valid number.</summary>
    /// <param name="typographicQuotes">Write <c>rel=“next”</c> with curly quotes, as Moodle's memberships service does (reference 4.2).</param>
    public static IReadOnlyList<T>? Page<T>(HttpContext context, DemoUrls urls, IReadOnlyList<T> items, int defaultLimit, bool typographicQuotes, out IResult? error)
    {
        error = null;
        var query = context.Request.Query;
        if (!TryReadPositive(query["limit"], defaultLimit, 1, out var limit) || !TryReadPositive(query["from"], 0, 0, out var from))
        {
            error = DemoServiceHttp.BadRequest("limit must be a positive number and from a non-negative one.");
            return null;
        }

        limit = Math.Min(limit, MaxLimit);
        var page = items.Skip(from).Take(limit).ToArray();
        var loop = context.Items.ContainsKey(LoopItemKey);
        if (loop || from + limit < items.Count)
        {
            var next = loop ? from : from + limit;
            var rel = typographicQuotes ? "rel=“next”" : "rel=\"next\"";
            context.Response.Headers.Link = $"<{PageUrl(context.Request, urls, limit, next)}>; {rel}";
        }

        return page;
    }

    private static string PageUrl(HttpRequest request, DemoUrls urls, int limit, int from)
    {
        var query = new QueryBuilder(request.Query
            .Where(q => q.Key is not ("limit" or "from"))
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string>(q.Key, v ?? string.Empty))))
        {
            { "limit", limit.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            { "from", from.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        };
        return $"{urls.BaseUrl}{request.PathBase}{request.Path}{query}";
    }

    private static bool TryReadPositive(string? value, int fallback, int minimum, out int result)
    {
        if (string.IsNullOrEmpty(value))
        {
            result = fallback;
            return true;
        }

        return int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out result)
            && result >= minimum;
    }
}
