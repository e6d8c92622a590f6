using System.Text;
using LtiTool.Lti.Services;

namespace LtiTool.Tests.Lti.Services;

/// <summary>RFC 8288 Link parsing as real platforms send it (reference pain point 6; catalogue case 93).</summary>
public sealed class LinkHeaderTests
{
    private static readonly Uri Request = new("https://lms.example.edu/mod/lti/services.php/2/lineitems?type_id=1");

    [Fact]
    public void Parse_StraightQuotes_FindsNext()
    {
        var links = LinkHeader.Parse("<https://lms.example.edu/page2>; rel=\"next\"", Request);

        Assert.Equal(new Uri("https://lms.example.edu/page2"), LinkHeader.Find(links, "next"));
    }

    [Fact]
    public void Parse_MoodleTypographicQuotes_FindsNext()
    {
        var links = LinkHeader.Parse("<https://lms.example.edu/page2>; rel=“next”", Request);

        Assert.Equal(new Uri("https://lms.example.edu/page2"), LinkHeader.Find(links, "next"));
    }

    [Theory]
    [InlineData("iso-8859-1")]
    [InlineData("windows-1252")]
    public void Parse_TypographicQuotesDecodedAsSingleByteMojibake_FindsNext(string encodingName)
    {
        var utf8 = Encoding.UTF8.GetBytes("<https://lms.example.edu/page2>; rel=“next”");
        var mojibake = encodingName == "iso-8859-1" ? Encoding.Latin1.GetString(utf8) : Windows1252(utf8);

        var links = LinkHeader.Parse(mojibake, Request);

        Assert.Equal(new Uri("https://lms.example.edu/page2"), LinkHeader.Find(links, "next"));
    }

    [Fact]
    public void Parse_UnquotedRel_FindsNext()
    {
        var links = LinkHeader.Parse("<https://lms.example.edu/page2>;rel=next", Request);

        Assert.Equal(new Uri("https://lms.example.edu/page2"), LinkHeader.Find(links, "next"));
    }

    [Fact]
    public void Parse_SeveralLinksAndRelsInOneValue_FindsEach()
    {
        var links = LinkHeader.Parse(
            "<https://lms.example.edu/p1>; rel=\"first prev\", <https://lms.example.edu/p3>; title=\"a, b; c\"; rel=\"next\", <https://lms.example.edu/p9>; rel=last",
            Request);

        Assert.Equal(3, links.Count);
        Assert.Equal(new Uri("https://lms.example.edu/p1"), LinkHeader.Find(links, "prev"));
        Assert.Equal(new Uri("https://lms.example.edu/p1"), LinkHeader.Find(links, "first"));
        Assert.Equal(new Uri("https://lms.example.edu/p3"), LinkHeader.Find(links, "next"));
        Assert.Equal(new Uri("https://lms.example.edu/p9"), LinkHeader.Find(links, "last"));
    }

    [Fact]
    public void Parse_SeveralLinkHeaders_ReadsAll()
    {
        var links = LinkHeader.Parse(["<https://lms.example.edu/diff>; rel=\"differences\"", "<https://lms.example.edu/p2>; rel=\"NEXT\""], Request);

        Assert.Equal(new Uri("https://lms.example.edu/p2"), LinkHeader.Find(links, "next"));
        Assert.Equal(new Uri("https://lms.example.edu/diff"), LinkHeader.Find(links, "differences"));
    }

    [Fact]
    public void Parse_RelativeTargets_ResolvedAgainstTheRequestUrl()
    {
        var links = LinkHeader.Parse(["</mod/lti/services.php/2/lineitems?type_id=1&from=10>; rel=next", "<?page=3>; rel=last"], Request);

        Assert.Equal(new Uri("https://lms.example.edu/mod/lti/services.php/2/lineitems?type_id=1&from=10"), LinkHeader.Find(links, "next"));
        Assert.Equal(new Uri("https://lms.example.edu/mod/lti/services.php/2/lineitems?page=3"), LinkHeader.Find(links, "last"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("<https://lms.example.edu/p2")]
    [InlineData("<https://lms.example.edu/p2>")]
    [InlineData("<https://lms.example.edu/p2>; rel=")]
    [InlineData("<javascript:alert(1)>; rel=next")]
    [InlineData("https://lms.example.edu/p2; rel=next")]
    public void Parse_MalformedValue_NoNextAndNoThrow(string value)
    {
        var links = LinkHeader.Parse(value, Request);

        Assert.Null(LinkHeader.Find(links, "next"));
    }

    [Fact]
    public void Parse_MalformedLinkBeforeAGoodOne_StillFindsTheGoodOne()
    {
        var links = LinkHeader.Parse("junk; rel=prev, <https://lms.example.edu/p2>; rel=\"next\"", Request);

        Assert.Equal(new Uri("https://lms.example.edu/p2"), LinkHeader.Find(links, "next"));
    }

    private static string Windows1252(byte[] bytes)
    {
        // E2 80 9C / 9D as Windows-1252: â € œ / â € (9D is undefined there and passes through as U+009D).
        var map = new Dictionary<byte, char> { [0x80] = '\u20AC', [0x9C] = '\u0153', [0x9D] = '\u009D', [0xE2] = '\u00E2' };
        return new string(bytes.Select(b => b < 0x80 ? (char)b : map[b]).ToArray());
    }
}
