using LtiTool.Pages.Components;
using LtiTool.Tests.TestSupport;

namespace LtiTool.Tests.Pages.Components;

public sealed class ComponentKitTests(ComponentFixture fixture) : IClassFixture<ComponentFixture>
{
    [Fact]
    public async Task EvidenceList_Rows_ShowInATableInsideDetails()
    {
        var model = new EvidenceListModel(
            "Adding fractions",
            [new EvidenceRow("Quiz 1: Adding fractions", 0.45, new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero), "Gradebook result")],
            "Likely between 30 % and 60 % (80 % credible interval).",
            "/docs");

        var html = await ComponentRenderer.RenderAsync(fixture.Tool, "_EvidenceList", model);

        Assert.Equal("Evidence for Adding fractions, 1 result", html.QuerySelector("details > summary")!.TextContent);
        var cells = html.QuerySelectorAll("tbody td").Select(c => c.TextContent.Trim()).ToArray();
        Assert.Equal(["Quiz 1: Adding fractions", "45 %", "2 Mar 2026", "Gradebook result"], cells);
        Assert.All(html.QuerySelectorAll("thead th"), th => Assert.Equal("col", th.GetAttribute("scope")));
    }

    [Fact]
    public async Task EmptyState_WithAction_ShowsHeadingSentenceAndOneLink()
    {
        var html = await ComponentRenderer.RenderAsync(fixture.Tool, "_EmptyState", new EmptyStateModel("No grades yet", "Your teacher has not graded work.", "Take a check", "/check"));

        Assert.Equal("No grades yet", html.QuerySelector("h2")!.TextContent);
        Assert.Equal("/check", Assert.Single(html.QuerySelectorAll("a")).GetAttribute("href"));
    }

    [Fact]
    public async Task EmptyState_WithoutAction_HasNoLink()
    {
        var html = await ComponentRenderer.RenderAsync(fixture.Tool, "_EmptyState", new EmptyStateModel("All secure", "Nothing to practise.", HeadingLevel: 3));

        Assert.NotNull(html.QuerySelector("h3"));
        Assert.Empty(html.QuerySelectorAll("a"));
    }

    [Fact]
    public async Task StatusNotice_OwnAction_IsAnAlertThatTakesFocus()
    {
        var html = await ComponentRenderer.RenderAsync(fixture.Tool, "_StatusNotice", new StatusNoticeModel("Saved", "Your feedback is saved.", NoticeKind.Success, ReportsOwnAction: true));

        var notice = html.QuerySelector(".notice")!;
        Assert.True(notice.HasAttribute("data-focus-on-load"));
        Assert.NotNull(notice.QuerySelector("[role=alert]"));
    }

    [Fact]
    public async Task StatusNotice_Information_IsALabelledRegionWithoutFocus()
    {
        var model = new StatusNoticeModel("Sync running", "Grades are being read.");
        var html = await ComponentRenderer.RenderAsync(fixture.Tool, "_StatusNotice", model);

        var notice = html.QuerySelector("[role=region]")!;
        Assert.Equal(model.TitleId, notice.GetAttribute("aria-labelledby"));
        Assert.False(notice.HasAttribute("data-focus-on-load"));
    }

    [Fact]
    public async Task RecommendationCard_Start_IsDescribedByTheReasonAndNamesItsItem()
    {
        var card = new RecommendationCardModel("set-1", "Adding fractions", "You scored 45 % on Quiz 1.", 10, "Practice set", "/student/practice/set-1", FeedbackAction: "/student?handler=Feedback");

        var html = await ComponentRenderer.RenderAsync(fixture.Tool, "_RecommendationCard", card);

        var start = html.QuerySelector("a.button")!;
        Assert.Equal(card.ReasonId, start.GetAttribute("aria-describedby"));
        Assert.Equal("You scored 45 % on Quiz 1.", html.GetElementById(card.ReasonId)!.TextContent);
        Assert.Contains("Adding fractions, 10 min", start.TextContent, StringComparison.Ordinal);
        var choices = html.QuerySelectorAll("form button").Select(b => b.GetAttribute("value") ?? string.Empty).ToArray();
        Assert.Equal(["Helpful", "NotHelpful", "Done"], choices);
        Assert.Equal("set-1", html.QuerySelector("input[name=contentId]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task RecommendationCard_OutsideResource_SaysItOpensANewTab()
    {
        var card = new RecommendationCardModel("video-1", "Fractions video", "You scored 45 % on Quiz 1.", 6, "Video", "https://example.org/v", OpensInNewTab: true);

        var html = await ComponentRenderer.RenderAsync(fixture.Tool, "_RecommendationCard", card);

        var start = html.QuerySelector("a.button")!;
        Assert.Equal("_blank", start.GetAttribute("target"));
        Assert.Contains("(opens in new tab)", start.TextContent, StringComparison.Ordinal);
        Assert.Empty(html.QuerySelectorAll("form"));
    }

    [Fact]
    public void RecommendationCard_WithoutReason_CannotBeBuilt() =>
        Assert.Throws<ArgumentException>(() => new RecommendationCardModel("set-1", "Adding fractions", " ", 10, "Practice set", "/x"));
}
