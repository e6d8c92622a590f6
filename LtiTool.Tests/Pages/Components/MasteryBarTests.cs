using LtiTool.Pages.Components;
using LtiTool.Pages.Layout;
using LtiTool.Tests.TestSupport;

namespace LtiTool.Tests.Pages.Components;

public sealed class MasteryBarTests(ComponentFixture fixture) : IClassFixture<ComponentFixture>
{
    private static readonly MasteryBarModel Gap = new("fractions.add", "Adding fractions", 0.45, 0.30, 0.60, 6, MasteryState.Gap, 0.6);

    [Fact]
    public async Task MasteryBar_Rendered_TextCarriesEstimateIntervalAndEvidence()
    {
        var html = await ComponentRenderer.RenderAsync(fixture.Tool, "_MasteryBar", Gap);

        var text = html.QuerySelector(".mastery-text")!.TextContent;
        Assert.Contains("About 45 %", text, StringComparison.Ordinal);
        Assert.Contains("likely 30–60 %", text, StringComparison.Ordinal);
        Assert.Contains("from 6 answers", text, StringComparison.Ordinal);
        Assert.Equal("Gap", html.QuerySelector(".tag")!.TextContent.Trim());
        Assert.Equal("Adding fractions", html.QuerySelector("h3")!.TextContent);
        Assert.Equal(Gap.HeadingId, html.QuerySelector("h3")!.Id);
    }

    [Fact]
    public async Task MasteryBar_Drawing_IsHiddenFromScreenReadersAndPlacedByTheInterval()
    {
        var html = await ComponentRenderer.RenderAsync(fixture.Tool, "_MasteryBar", Gap);

        var svg = html.QuerySelector("svg")!;
        Assert.Equal("true", svg.GetAttribute("aria-hidden"));
        var band = html.QuerySelector("rect.mastery-band")!;
        Assert.Equal("60", band.GetAttribute("x"));
        Assert.Equal("60", band.GetAttribute("width"));
        Assert.Equal("120", html.QuerySelector(".mastery-threshold")!.GetAttribute("x1"));
        Assert.Null(svg.QuerySelector("[style]"));
    }

    [Fact]
    public async Task MasteryBar_RightToLeftPage_MirrorsTheGeometry()
    {
        var html = await ComponentRenderer.RenderAsync(fixture.Tool, "_MasteryBar", Gap, data => data["EduRec.Language"] = "ar");

        Assert.Equal("80", html.QuerySelector("rect.mastery-band")!.GetAttribute("x"));
        Assert.Equal("80", html.QuerySelector(".mastery-threshold")!.GetAttribute("x1"));
    }

    [Theory]
    [InlineData(MasteryState.Secure, "Secure")]
    [InlineData(MasteryState.NotEnoughEvidence, "Not enough evidence yet")]
    public async Task MasteryBar_State_IsNamedInWords(MasteryState state, string word)
    {
        var html = await ComponentRenderer.RenderAsync(fixture.Tool, "_MasteryBar", Gap with { State = state, Evidence = 1 });

        Assert.Equal(word, html.QuerySelector(".tag")!.TextContent.Trim());
        Assert.Contains("from 1 answer", html.QuerySelector(".mastery-text")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void DomId_DifferentCodesThatSanitiseAlike_StayDistinct()
    {
        Assert.NotEqual(DomId.For("skill", "a.b"), DomId.For("skill", "a b"));
        Assert.Equal(DomId.For("skill", "a.b"), DomId.For("skill", "a.b"));
        Assert.Matches("^skill-a-b-[0-9a-f]{8}$", DomId.For("skill", "a.b"));
    }

    [Theory]
    [InlineData("fr-CA", "en")]
    [InlineData("en_US", "en")]
    [InlineData(null, "en")]
    public void PageChrome_LaunchLocale_FallsBackToShippedLanguage(string? locale, string expected) =>
        Assert.Equal(expected, PageChrome.LanguageOf(locale));
}
