using System.Net;
using System.Text.Json.Nodes;
using LtiTool.Demo;
using LtiTool.Lti;
using LtiTool.Lti.Platforms;
using LtiTool.Lti.Services;

namespace LtiTool.Tests.Lti.Services;

/// <summary>
/// Each fault of the demo LMS recovered or reported, with nothing duplicated (security catalogue cases 85–93, c.3).
/// Faults are shared by the host, so these tests have their own host and reset the switch after each test.
/// </summary>
public sealed class ServiceResilienceTests(ServicesDemoFixture demo) : IClassFixture<ServicesDemoFixture>, IDisposable
{
    [Fact]
    public async Task CanvasThrottle403_OnOnePage_RetriedAsThrottlingWithoutANewToken()
    {
        using var harness = new ServicesHarness(demo.Tool);
        demo.Faults.Set(DemoFault.CanvasThrottle403, DemoEndpointKind.Ags, count: 1);

        var items = await harness.Ags.ListLineItemsAsync(await demo.AgsAsync()).ToListAsync();

        Assert.Equal(demo.Gradebook.LineItems.Count, items.Count);
        Assert.Equal(items.Count, items.Select(i => i.Id).Distinct().Count());
        Assert.Equal(1, harness.Recorder.TokenRequests);
        Assert.Equal(Pages(items.Count) + 1, harness.Recorder.ServiceRequests.Count);
    }

    [Fact]
    public async Task TooManyRequests429_RetryAfterOneSecond_WaitsExactlyThatThenRecovers()
    {
        var time = new DelayRecordingTimeProvider(demo.Tool.Time, TimeSpan.FromSeconds(5));
        var options = ServicesHarness.FastOptions();
        options.MaxRetryDelay = TimeSpan.FromSeconds(60);
        using var harness = new ServicesHarness(demo.Tool, options, time);
        demo.Faults.RetryAfterSeconds = 1;
        demo.Faults.Set(DemoFault.TooManyRequests429, DemoEndpointKind.Ags, count: 1);

        var results = await harness.Ags.ListResultsAsync(await demo.AgsAsync(), demo.Urls.LineItemUrl("13")).ToListAsync();

        Assert.Equal(demo.Gradebook.ResultsOf("13").Count, results.Count);
        Assert.Equal(results.Count, results.Select(r => r.UserId).Distinct().Count());
        Assert.Equal([TimeSpan.FromSeconds(1)], time.Delays);
    }

    [Fact]
    public async Task ServerError500_TwiceOnTheRoster_BackoffWithJitterThenWholeRoster()
    {
        var time = new DelayRecordingTimeProvider(demo.Tool.Time, TimeSpan.FromSeconds(5));
        var options = ServicesHarness.FastOptions();
        options.RetryBaseDelay = TimeSpan.FromMilliseconds(100);
        options.MaxRetryDelay = TimeSpan.FromSeconds(2);
        using var harness = new ServicesHarness(demo.Tool, options, time);
        demo.Faults.Set(DemoFault.ServerError500, DemoEndpointKind.Nrps, count: 2);

        var roster = await harness.Nrps.GetMembershipsAsync(await demo.NrpsAsync());

        Assert.Equal(demo.Course.Members.Count, roster.Members.Count);
        Assert.Equal(roster.Members.Count, roster.Members.Select(m => m.UserId).Distinct().Count());
        Assert.Equal(2, time.Delays.Count);
        Assert.All(time.Delays, d => Assert.InRange(d, TimeSpan.FromTicks(1), TimeSpan.FromSeconds(2)));
    }

    [Fact]
    public async Task Timeout_FirstAttemptHangs_AttemptTimeoutThenRetrySucceeds()
    {
        var options = ServicesHarness.FastOptions();
        options.AttemptTimeout = TimeSpan.FromMilliseconds(300);
        using var harness = new ServicesHarness(demo.Tool, options);
        demo.Faults.Set(DemoFault.Timeout, DemoEndpointKind.Ags, count: 1);

        var item = await harness.Ags.GetLineItemAsync(await demo.AgsAsync(), demo.Urls.LineItemUrl("14"));

        Assert.Equal("Homework 2: Percentages of amounts", item.Label);
        Assert.Equal(2, harness.Recorder.ServiceRequests.Count);
    }

    [Fact]
    public async Task MalformedJson_ReportedAndNotRetried()
    {
        using var harness = new ServicesHarness(demo.Tool);
        var ags = await demo.AgsAsync();
        demo.Faults.Set(DemoFault.MalformedJson, DemoEndpointKind.Ags, count: 1);

        var error = await Assert.ThrowsAsync<LtiServiceException>(() => harness.Ags.ListLineItemsAsync(ags).ToListAsync().AsTask());

        Assert.Equal(LtiServiceError.MalformedResponse, error.Error);
        Assert.False(error.IsTransient);
        Assert.Single(harness.Recorder.ServiceRequests);
    }

    [Fact]
    public async Task PagingLoop_NextPointsBackAtTheFirstPage_ReportedWithEachItemOnce()
    {
        using var harness = new ServicesHarness(demo.Tool);
        demo.Faults.Set(DemoFault.PagingLoop, DemoEndpointKind.Ags);
        var items = new List<LineItem>();

        var error = await Assert.ThrowsAsync<LtiServiceException>(async () =>
        {
            await foreach (var item in harness.Ags.ListLineItemsAsync(await demo.AgsAsync()))
            {
                items.Add(item);
            }
        });

        Assert.Equal(LtiServiceError.PagingLoop, error.Error);
        Assert.NotEmpty(items);
        Assert.Equal(items.Count, items.Select(i => i.Id).Distinct().Count());
        Assert.True(harness.Recorder.ServiceRequests.Count <= 3);
    }

    [Fact]
    public async Task PageCap_RosterLongerThanTheCap_Reported()
    {
        var options = ServicesHarness.FastOptions();
        options.MaxPages = 2;
        using var harness = new ServicesHarness(demo.Tool, options);
        var nrps = await demo.NrpsAsync();

        var error = await Assert.ThrowsAsync<LtiServiceException>(() => harness.Nrps.GetMembershipsAsync(nrps, new MembershipQuery(Limit: 5)));

        Assert.Equal(LtiServiceError.PageLimitReached, error.Error);
        Assert.Equal(2, harness.Recorder.ServiceRequests.Count);
    }

    [Fact]
    public async Task CreateLineItem_ServerError_NotRetriedAndEnsureThenCreatesExactlyOne()
    {
        using var harness = new ServicesHarness(demo.Tool);
        var ags = await demo.AgsAsync();
        var desired = new LineItem { Label = "Practice: negative numbers", ScoreMaximum = 10, ResourceId = "no-blind-retry", Tag = "integers.negative" };
        demo.Faults.Set(DemoFault.ServerError500, DemoEndpointKind.Ags, count: 1);

        var error = await Assert.ThrowsAsync<LtiServiceException>(() => harness.Ags.CreateLineItemAsync(ags, desired));
        var posts = harness.Recorder.ServiceRequests.Count(r => r.Method == HttpMethod.Post);
        var ensured = await harness.Ags.EnsureLineItemAsync(ags, desired);
        var again = await harness.Ags.EnsureLineItemAsync(ags, desired);

        Assert.Equal(LtiServiceError.Transient, error.Error);
        Assert.Equal(1, posts);
        Assert.True(ensured.Created);
        Assert.False(again.Created);
        Assert.Single(demo.Gradebook.LineItems, l => l.ResourceId == "no-blind-retry");
    }

    [Fact]
    public async Task PostScore_ServerErrorOnce_RetriedAsACanvasResendOfTheSameScoreAndDeliveredOnce()
    {
        using var harness = new ServicesHarness(demo.Tool);
        var student = demo.Course.Students[3];
        demo.Faults.Set(DemoFault.ServerError500, DemoEndpointKind.Ags, count: 1);

        var result = await harness.Ags.PostScoreAsync(await demo.AgsAsync(), demo.Urls.LineItemUrl(DemoCourse.PracticePanelLineItemId), Scores.For(student.Id, demo.Tool.Time, 6, 10, demo.Tool.Time.GetUtcNow().AddDays(3)));

        Assert.Equal(ScoreOutcome.Delivered, result.Outcome);
        var posts = harness.Recorder.ServiceRequests;
        Assert.Equal(2, posts.Count);
        var first = JsonNode.Parse(posts[0].Body!)!.AsObject();
        var retry = JsonNode.Parse(posts[1].Body!)!.AsObject();
        Assert.False(first.ContainsKey(LtiConstants.Extensions.CanvasSubmission));
        Assert.Equal("""{"new_submission":false}""", retry[LtiConstants.Extensions.CanvasSubmission]!.ToJsonString());
        retry.Remove(LtiConstants.Extensions.CanvasSubmission);
        Assert.Equal(first.ToJsonString(), retry.ToJsonString());
        Assert.Equal(60, Assert.Single(demo.Gradebook.ResultsOf(DemoCourse.PracticePanelLineItemId), r => r.UserId == student.Id).ResultScore);
    }

    [Fact]
    public async Task PostScore_ThrottledOnEveryTry_ThrottledOutcomeForTheOutbox()
    {
        using var harness = new ServicesHarness(demo.Tool);
        demo.Faults.Set(DemoFault.CanvasThrottle403, DemoEndpointKind.Ags);

        var result = await harness.Ags.PostScoreAsync(await demo.AgsAsync(), demo.Urls.LineItemUrl(DemoCourse.PracticePanelLineItemId), Scores.For(demo.Course.Students[4].Id, demo.Tool.Time));

        Assert.Equal(ScoreOutcome.Throttled, result.Outcome);
        Assert.Equal(HttpStatusCode.Forbidden, result.StatusCode);
        Assert.False(result.IsSettled);
        Assert.Equal(harness.Options.ScoreMaxRetries + 1, harness.Recorder.ServiceRequests.Count);
        Assert.Equal(1, harness.Recorder.TokenRequests);
    }

    [Fact]
    public async Task PostScore_ServerErrorOnEveryTry_TransientOutcomeForTheOutbox()
    {
        using var harness = new ServicesHarness(demo.Tool);
        demo.Faults.Set(DemoFault.ServerError500, DemoEndpointKind.Ags);

        var result = await harness.Ags.PostScoreAsync(await demo.AgsAsync(), demo.Urls.LineItemUrl(DemoCourse.PracticePanelLineItemId), Scores.For(demo.Course.Students[5].Id, demo.Tool.Time));

        Assert.Equal(ScoreOutcome.Transient, result.Outcome);
        Assert.False(result.IsSettled);
        Assert.DoesNotContain(demo.Gradebook.ResultsOf(DemoCourse.PracticePanelLineItemId), r => r.UserId == demo.Course.Students[5].Id && r.Comment == "Practice set");
    }

    [Fact]
    public async Task CircuitBreaker_OnePlatformFailing_OpensForItOnly()
    {
        var options = ServicesHarness.FastOptions();
        options.CircuitMinimumThroughput = 3;
        options.CircuitFailureRatio = 0.5;
        options.ReadMaxRetries = 2;
        using var harness = new ServicesHarness(demo.Tool, options);
        var failing = await demo.AgsAsync();
        var other = failing with { Platform = await SecondPlatformAsync() };
        var lineItem = demo.Urls.LineItemUrl("15");
        demo.Faults.Set(DemoFault.ServerError500, DemoEndpointKind.Ags);

        var first = await Assert.ThrowsAsync<LtiServiceException>(() => harness.Ags.GetLineItemAsync(failing, lineItem));
        var requestsWhenOpen = harness.Recorder.ServiceRequests.Count;
        var fastFail = await Assert.ThrowsAsync<LtiServiceException>(() => harness.Ags.GetLineItemAsync(failing, lineItem));
        demo.Faults.Reset();
        var fromOther = await harness.Ags.GetLineItemAsync(other, lineItem);
        var stillOpen = await Assert.ThrowsAsync<LtiServiceException>(() => harness.Ags.GetLineItemAsync(failing, lineItem));

        Assert.True(first.IsTransient);
        Assert.Equal(LtiServiceError.CircuitOpen, fastFail.Error);
        Assert.Equal(LtiServiceError.CircuitOpen, stillOpen.Error);
        Assert.Equal("Unit test: Negative numbers", fromOther.Label);
        Assert.Equal(requestsWhenOpen + 1, harness.Recorder.ServiceRequests.Count);
    }

    public void Dispose()
    {
        demo.Faults.Reset();
        demo.Faults.RetryAfterSeconds = 1;
    }

    private static int Pages(int items) => (items + 7) / 8;

    /// <summary>Another registration served by the same demo (same client id and token endpoint, its own issuer).</summary>
    private async Task<Platform> SecondPlatformAsync()
    {
        var urls = demo.Urls;
        return await demo.Tool.Platforms.AddAsync(new PlatformRegistration(
            urls.Issuer + "/second", demo.Demo.ClientId, urls.AuthUrl, urls.TokenUrl, null, urls.JwksUrl, [demo.Demo.DeploymentId]));
    }
}
