using System.Text;

namespace LtiTool.Pages.Components;

/// <summary>Turns any text (skill codes, item ids, LMS ids) into a valid, stable HTML id with a readable prefix.</summary>
public static class DomId
{
    public static string For(string prefix, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var id = new StringBuilder(prefix.Length + value.Length + 1).Append(prefix).Append('-');
        foreach (var c in value)
        {
            id.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-');
        }

        // Different texts can sanitise alike ("a.b", "a b"); the hash keeps their ids apart.
        return id.Append('-').Append(StableHash(value).ToString("x8", System.Globalization.CultureInfo.InvariantCulture)).ToString();
    }

    // FNV-1a: string.GetHashCode is randomised per process, ids must not change between renders.
    private static uint StableHash(string value)
    {
        var hash = 2166136261u;
        foreach (var c in value)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }
}
