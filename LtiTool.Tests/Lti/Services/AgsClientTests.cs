using System.Net;
using LtiTool.Demo;
using LtiTool.Lti;
using LtiTool.Lti.Services;

namespace LtiTool.Tests.Lti.Services;

/// <summary>The AGS client against the demo LMS (Moodle's paths, media types and 409) over real HTTP.</summary>
public sealed class AgsClientTests(ServicesDemoFixture demo) : IClassFixture<ServicesDemoFixture>
{
    [Fact]
    public async Task ListLineItems_SeveralPages_EveryItemOnce()
    {
        using var harness = new ServicesHarness(demo.Tool);

        var items = await harness.Ags.ListLineItemsAsync(await demo.AgsAsync(), new LineItemQuery(Limit: 3)).ToListAsync();

        Assert.Equal(demo.Gradebook.LineItems.Count, items.Count);
        Assert.Equal(items.Count, items.Select(i => i.Id).Distinct().Count());
        Assert.Equal((items.Count + 2) / 3, harness.Recorder.ServiceRequests.Count);
        Assert.All(harness.Recorder.ServiceRequests, r => Assert.Equal(LtiConstants.MediaTypes.LineItemContainer, r.Accept));
        Assert.Contains(items, i => i.Tag == "fractions.add" && i.ScoreMaximum == 20);
    }

    [Fact]
    public async Task ListLineItems_TagFilter_OnlyThatSkill()
    {
        using var harness = new ServicesHarness(demo.Tool);

        var items = await harness.Ags.ListLineItemsAsync(await demo.AgsAsync(), new LineItemQuery(Tag: "ratios")).ToListAsync();

        Assert.Equal(demo.Gradebook.LineItems.Count(l => l.Tag == "ratios"), items.Count);
        Assert.All(items, i => Assert.Equal("ratios", i.Tag));
        Assert.Contains("type_id=1&tag=ratios", harness.Recorder.ServiceRequests[0].Url.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListResults_SeveralPages_CountEqualsTheDemoGradebook()
    {
        using var harness = new ServicesHarness(demo.Tool);

        var results = await harness.Ags.ListResultsAsync(await demo.AgsAsync(), demo.Urls.LineItemUrl("11")).ToListAsync();

        Assert.Equal(demo.Gradebook.ResultsOf("11").Count, results.Count);
        Assert.Equal(results.Count, results.Select(r => r.UserId).Distinct().Count());
        Assert.True(harness.Recorder.ServiceRequests.Count > 1);
        var first = harness.Recorder.ServiceRequests[0];
        Assert.EndsWith("/lineitems/11/lineitem/results?type_id=1", first.Url.AbsoluteUri, StringComparison.Ordinal);
        Assert.Equal(LtiConstants.MediaTypes.ResultContainer, first.Accept);
        Assert.All(results, r => Assert.Equal(20, r.ResultMaximum));
    }

    [Fact]
    public async Task ListResults_UserFilter_OneResult()
    {
        using var harness = new ServicesHarness(demo.Tool);
        var expected = demo.Gradebook.ResultsOf("12")[0];

        var result = Assert.Single(await harness.Ags.ListResultsAsync(await demo.AgsAsync(), demo.Urls.LineItemUrl("12"), new ResultQuery(UserId: expected.UserId)).ToListAsync());

        Assert.Equal(expected.ResultScore, result.ResultScore);
    }

    [Fact]
    public async Task LineItem_CreateGetUpdateDelete_RoundTripsWithExactMediaTypes()
    {
        using var harness = new ServicesHarness(demo.Tool);
        var ags = await demo.AgsAsync();

        var created = await harness.Ags.CreateLineItemAsync(ags, new LineItem { Label = "Practice: unit rates", ScoreMaximum = 10, ResourceId = "crud-1", Tag = "ratios" });
        var read = await harness.Ags.GetLineItemAsync(ags, created.Id!);
        var updated = await harness.Ags.UpdateLineItemAsync(ags, read with { Label = "Practice: unit rates (v2)", ScoreMaximum = 12 });
        var deleted = await harness.Ags.DeleteLineItemAsync(ags, created.Id!);
        var deletedAgain = await harness.Ags.DeleteLineItemAsync(ags, created.Id!);

        Assert.Equal("crud-1", read.ResourceId);
        Assert.Equal("Practice: unit rates (v2)", updated.Label);
        Assert.Equal(12, updated.ScoreMaximum);
        Assert.True(deleted);
        Assert.False(deletedAgain);
        Assert.Null(demo.Gradebook.LineItems.FirstOrDefault(l => l.ResourceId == "crud-1"));
        var post = harness.Recorder.ServiceRequests.First(r => r.Method == HttpMethod.Post);
        Assert.Equal(LtiConstants.MediaTypes.LineItem, post.ContentType);
        Assert.Equal(LtiConstants.MediaTypes.LineItem, post.Accept);
        Assert.DoesNotContain("\"id\"", post.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnsureLineItem_CalledTwice_CreatesOneColumn()
    {
        using var harness = new ServicesHarness(demo.Tool);
        var ags = await demo.AgsAsync();
        var desired = new LineItem { Label = "Practice: percentages", ScoreMaximum = 10, ResourceId = "ensure-1", Tag = "percentages" };

        var first = await harness.Ags.EnsureLineItemAsync(ags, desired);
        var second = await harness.Ags.EnsureLineItemAsync(ags, desired);

        Assert.True(first.Created);
        Assert.False(second.Created);
        Assert.Equal(first.LineItem.Id, second.LineItem.Id);
        Assert.Single(demo.Gradebook.LineItems, l => l.ResourceId == "ensure-1");
        Assert.Single(harness.Recorder.ServiceRequests, r => r.Method == HttpMethod.Post);
        Assert.Equal(1, harness.Recorder.TokenRequests);
    }

    [Fact]
    public async Task PostScore_MoodleLineItemUrl_ScoresPathBeforeTheQueryAndScoreMediaType()
    {
        using var harness = new ServicesHarness(demo.Tool);
        var student = demo.Course.Students[1];
        var timestamp = demo.Tool.Time.GetUtcNow().AddDays(1);

        var result = await harness.Ags.PostScoreAsync(await demo.AgsAsync(), demo.Urls.LineItemUrl(DemoCourse.PracticePanelLineItemId), Scores.For(student.Id, demo.Tool.Time, 7, 10, timestamp));

        Assert.Equal(ScoreOutcome.Delivered, result.Outcome);
        Assert.True(result.IsSettled);
        var post = Assert.Single(harness.Recorder.ServiceRequests);
        Assert.EndsWith($"/lineitems/{DemoCourse.PracticePanelLineItemId}/lineitem/scores?type_id=1", post.Url.AbsoluteUri, StringComparison.Ordinal);
        Assert.Equal(LtiConstants.MediaTypes.Score, post.ContentType);
        Assert.Contains("\"timestamp\":\"" + timestamp.ToString("yyyy-MM-dd'T'HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture) + "+00:00\"", post.Body, StringComparison.Ordinal);
        Assert.Equal(70, demo.Gradebook.ResultsOf(DemoCourse.PracticePanelLineItemId).Single(r => r.UserId == student.Id).ResultScore);
    }

    [Fact]
    public async Task PostScore_SameTimestampAgain_AlreadyAppliedAndGradeUnchanged()
    {
        using var harness = new ServicesHarness(demo.Tool);
        var ags = await demo.AgsAsync();
        var student = demo.Course.Students[2];
        var score = Scores.For(student.Id, demo.Tool.Time, 9, 10, demo.Tool.Time.GetUtcNow().AddDays(2));

        var first = await harness.Ags.PostScoreAsync(ags, demo.Urls.LineItemUrl(DemoCourse.PracticePanelLineItemId), score);
        var retry = await harness.Ags.PostScoreAsync(ags, demo.Urls.LineItemUrl(DemoCourse.PracticePanelLineItemId), score with { ScoreGiven = 3 });

        Assert.Equal(ScoreOutcome.Delivered, first.Outcome);
        Assert.Equal(ScoreOutcome.AlreadyApplied, retry.Outcome);
        Assert.Equal(HttpStatusCode.Conflict, retry.StatusCode);
        Assert.True(retry.IsSettled);
        Assert.Equal(90, demo.Gradebook.ResultsOf(DemoCourse.PracticePanelLineItemId).Single(r => r.UserId == student.Id).ResultScore);
    }

    [Fact]
    public async Task PostScore_UserNotInTheCourse_PermanentFailureWithoutRetry()
    {
        using var harness = new ServicesHarness(demo.Tool);

        var result = await harness.Ags.PostScoreAsync(await demo.AgsAsync(), demo.Urls.LineItemUrl(DemoCourse.PracticePanelLineItemId), Scores.For("no-such-user", demo.Tool.Time));

        Assert.Equal(ScoreOutcome.PermanentFailure, result.Outcome);
        Assert.Equal(HttpStatusCode.BadRequest, result.StatusCode);
        Assert.Contains("Incorrect score", result.Detail, StringComparison.Ordinal);
        Assert.Single(harness.Recorder.ServiceRequests);
    }

    [Fact]
    public async Task ServiceUrl_OnAHostNotRegisteredForThePlatform_NoTokenAndNoRequest()
    {
        using var harness = new ServicesHarness(demo.Tool);
        var ags = await demo.AgsAsync();
        var foreign = new UriBuilder(demo.Urls.LineItemsUrl) { Host = "localhost" }.Uri.AbsoluteUri;

        var listing = await Assert.ThrowsAsync<LtiServiceException>(() => harness.Ags.ListLineItemsAsync(ags with { LineItemsUrl = foreign }).ToListAsync().AsTask());
        var score = await Assert.ThrowsAsync<LtiServiceException>(() => harness.Ags.PostScoreAsync(ags, "https://evil.example/lineitem", Scores.For("4", demo.Tool.Time)));
        var roster = await Assert.ThrowsAsync<LtiServiceException>(() => harness.Nrps.GetMembershipsAsync(new NrpsEndpoint(ags.Platform, "http://10.0.0.8/memberships")));

        Assert.All(new[] { listing, score, roster }, e => Assert.Equal(LtiServiceError.UntrustedUrl, e.Error));
        Assert.Empty(harness.Recorder.Requests);
    }
}
