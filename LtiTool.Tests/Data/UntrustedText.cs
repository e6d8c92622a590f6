using System.Text;
using LtiTool.Lti.Launch;

namespace LtiTool.Tests.Data;

/// <summary>Strings an LMS (or an attacker posing as one) may send; every store must keep them exactly and inertly.</summary>
public static class UntrustedText
{
    private static readonly Dictionary<string, string> Cases = new(StringComparer.Ordinal)
    {
        ["sql injection"] = "'; DROP TABLE launches;--",
        ["crlf"] = "first line\r\nSet-Cookie: injected=1\r\n",
        ["4-byte emoji"] = "ready \U0001F600 teacher \U0001F469\u200D\U0001F3EB",
        ["rtl override"] = "invoice\u202Efdp.exe",
        ["10000 chars"] = LongText(10_000),
    };

    /// <summary>The case names, as theory data: names keep test names short where the 10,000 characters would not.</summary>
    public static TheoryData<string> Names => new(Cases.Keys);

    public static string Get(string name) => Cases[name];

    /// <summary>
    /// The case as an identifier (issuer, client id, state, kid...): at most <see cref="ClaimLimits.MaxIdLength"/>
    /// characters, as the login and launch checks bound them before any store sees them. Unbounded keys cannot be
    /// indexed: PostgreSQL refuses B-tree entries over about 2.7 kB.
    /// </summary>
    public static string GetId(string name) => Cases[name].Length <= ClaimLimits.MaxIdLength ? Cases[name] : Cases[name][..ClaimLimits.MaxIdLength];

    // Varied characters (ASCII, Latin-1, Cyrillic, CJK) from a fixed seed, so the text neither compresses away nor changes between runs.
    private static string LongText(int length)
    {
        const string Alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 éüßЖЯ中文';\"\\";
        var random = new Random(20261123);
        var text = new StringBuilder(length);
        while (text.Length < length)
        {
            text.Append(Alphabet[random.Next(Alphabet.Length)]);
        }

        return text.ToString();
    }
}
