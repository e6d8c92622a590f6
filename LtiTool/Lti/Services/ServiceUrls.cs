namespace LtiTool.Lti.Services;

/// <summary>
/// Builds service URLs from the ones the platform gave. Sub-resources go into the path before the query: Moodle's line
/// item <c>…/lineitem?type_id=1</c> has its scores at <c>…/lineitem/scores?type_id=1</c> (AGS 2.0 §3.3–3.4; reference
/// pain point 7). Filters are added to whatever query the URL already carries.
/// </summary>
internal static class ServiceUrls
{
    public const string Scores = "scores";
    public const string Results = "results";

    /// <summary><paramref name="url"/> with <c>/segment</c> added to its path, its query and fragment kept.</summary>
    public static Uri AppendPath(Uri url, string segment)
    {
        ArgumentNullException.ThrowIfNull(url);
        var path = url.GetLeftPart(UriPartial.Path).TrimEnd('/');
        return new Uri($"{path}/{segment}{url.Query}{url.Fragment}");
    }

    /// <summary><paramref name="url"/> with the non-null parameters appended to its query, escaped (RFC 3986 §3.4).</summary>
    public static Uri WithQuery(Uri url, params (string Name, string? Value)[] parameters)
    {
        ArgumentNullException.ThrowIfNull(url);
        var added = parameters.Where(p => p.Value is not null)
            .Select(p => $"{Uri.EscapeDataString(p.Name)}={Uri.EscapeDataString(p.Value!)}")
            .ToArray();
        if (added.Length == 0)
        {
            return url;
        }

        var left = url.GetLeftPart(UriPartial.Query);
        var separator = url.Query.Length == 0 ? "?" : url.Query == "?" ? string.Empty : "&";
        return new Uri($"{left}{separator}{string.Join('&', added)}{url.Fragment}");
    }
}
