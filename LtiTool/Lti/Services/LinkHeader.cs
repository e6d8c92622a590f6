using System.Text;

namespace LtiTool.Lti.Services;

/// <summary>One link of a <c>Link</c> header: its target, resolved against the request URL, and its relation types.</summary>
public sealed record WebLink(Uri Target, IReadOnlySet<string> Relations)
{
    public bool Has(string relation) => Relations.Contains(relation);
}

/// <summary>
/// A tolerant RFC 8288 <c>Link</c> header parser (§3): several headers, several comma-separated links per header,
/// several space-separated relation types per <c>rel</c> (§3.3, compared case-insensitively), quoted or unquoted
/// values, and relative targets resolved against the request URL (§3.2). It also reads what real platforms send:
/// Moodle's typographic quotes <c>rel=“next”</c>, and the same UTF-8 bytes decoded as Latin-1 or Windows-1252
/// (<c>rel=â€œnextâ€</c>) when a client does not decode headers as UTF-8. A malformed link is skipped, never thrown.
/// </summary>
public static class LinkHeader
{
    // The UTF-8 bytes of “ ” ‘ ’ (E2 80 9C / 9D / 98 / 99) read as Latin-1 and as Windows-1252.
    private static readonly string[] Mojibake =
    [
        "\u00E2\u0080\u009C", "\u00E2\u0080\u009D", "\u00E2\u0080\u0098", "\u00E2\u0080\u0099",
        "\u00E2\u20AC\u0153", "\u00E2\u20AC\u009D", "\u00E2\u20AC\u02DC", "\u00E2\u20AC\u2122",
    ];

    private const string QuoteCharacters = "\"“”„‟″‘’'";

    public static IReadOnlyList<WebLink> Parse(IEnumerable<string> headerValues, Uri requestUrl)
    {
        ArgumentNullException.ThrowIfNull(headerValues);
        ArgumentNullException.ThrowIfNull(requestUrl);
        var links = new List<WebLink>();
        foreach (var value in headerValues)
        {
            ParseValue(Normalize(value), requestUrl, links);
        }

        return links;
    }

    public static IReadOnlyList<WebLink> Parse(string headerValue, Uri requestUrl) => Parse([headerValue], requestUrl);

    /// <summary>The target of the first link with this relation type, or null.</summary>
    public static Uri? Find(IEnumerable<WebLink> links, string relation) => links.FirstOrDefault(l => l.Has(relation))?.Target;

    private static string Normalize(string value)
    {
        if (value.All(char.IsAscii))
        {
            return value;
        }

        var builder = new StringBuilder(value);
        foreach (var sequence in Mojibake)
        {
            builder.Replace(sequence, "\"");
        }

        return builder.ToString();
    }

    private static void ParseValue(string value, Uri requestUrl, List<WebLink> links)
    {
        var position = 0;
        while (true)
        {
            var open = value.IndexOf('<', position);
            if (open < 0)
            {
                return;
            }

            var close = value.IndexOf('>', open + 1);
            if (close < 0)
            {
                return;
            }

            var target = value[(open + 1)..close].Trim();
            position = close + 1;
            var relations = ReadParameters(value, ref position);
            if (relations.Count > 0 && Uri.TryCreate(requestUrl, target, out var resolved)
                && (resolved.Scheme == Uri.UriSchemeHttps || resolved.Scheme == Uri.UriSchemeHttp))
            {
                links.Add(new WebLink(resolved, relations));
            }
        }
    }

    /// <summary>Reads <c>; name=value</c> pairs up to the comma that ends the link, returning the rel types.</summary>
    private static HashSet<string> ReadParameters(string value, ref int position)
    {
        var relations = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (position < value.Length)
        {
            SkipWhitespace(value, ref position);
            if (position >= value.Length || value[position] == ',')
            {
                position++;
                break;
            }

            if (value[position] != ';')
            {
                // Not a parameter: skip to the next link.
                var next = value.IndexOf('<', position);
                position = next < 0 ? value.Length : next;
                break;
            }

            position++;
            SkipWhitespace(value, ref position);
            var nameStart = position;
            while (position < value.Length && value[position] is not ('=' or ';' or ',') && !char.IsWhiteSpace(value[position]))
            {
                position++;
            }

            var name = value[nameStart..position];
            SkipWhitespace(value, ref position);
            string? parameterValue = null;
            if (position < value.Length && value[position] == '=')
            {
                position++;
                SkipWhitespace(value, ref position);
                parameterValue = ReadValue(value, ref position);
            }

            if (name.Equals("rel", StringComparison.OrdinalIgnoreCase) && parameterValue is not null && relations.Count == 0)
            {
                // Only the first rel counts (RFC 8288 §3.3).
                relations.UnionWith(parameterValue.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            }
        }

        return relations;
    }

    private static string ReadValue(string value, ref int position)
    {
        if (position < value.Length && QuoteCharacters.Contains(value[position], StringComparison.Ordinal))
        {
            position++;
            var builder = new StringBuilder();
            while (position < value.Length && !QuoteCharacters.Contains(value[position], StringComparison.Ordinal))
            {
                // quoted-pair (RFC 9110 §5.6.4)
                if (value[position] == '\\' && position + 1 < value.Length)
                {
                    position++;
                }

                builder.Append(value[position]);
                position++;
            }

            position = Math.Min(position + 1, value.Length);
            return builder.ToString();
        }

        var start = position;
        while (position < value.Length && value[position] is not (';' or ','))
        {
            position++;
        }

        return value[start..position].Trim();
    }

    private static void SkipWhitespace(string value, ref int position)
    {
        while (position < value.Length && char.IsWhiteSpace(value[position]))
        {
            position++;
        }
    }
}
