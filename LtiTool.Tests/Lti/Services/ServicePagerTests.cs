using System.Web;
using LtiTool.Lti.Services;

namespace LtiTool.Tests.Lti.Services;

/// <summary>Paging guards against platform behaviour the demo does not show (catalogue case 93; reference pain point 6).</summary>
public sealed class ServicePagerTests(ServicesDemoFixture demo) : IClassFixture<ServicesDemoFixture>
{
    [Fact]
    public async Task Paging_BrightspaceCapsPagesAt200_FollowsNextToTheEnd()
    {
        using var stub = new StubLms();
        using var harness = new ServicesHarness(demo.Tool, inner: stub);
        stub.Respond = request =>
        {
            // Asked for 1,000, serves at most 200, with a relative next link (as Brightspace does).
            var page = int.Parse(HttpUtility.ParseQueryString(request.RequestUri!.Query)["page"] ?? "0", System.Globalization.CultureInfo.InvariantCulture);
            var count = Math.Min(200, 450 - (page * 200));
            return StubLms.Json(StubLms.LineItems(page * 200, count), page < 2 ? $"</lineitems?page={page + 1}>; rel=\"next\"" : null);
        };

        var items = await harness.Ags.ListLineItemsAsync(StubLms.Ags, new LineItemQuery(Limit: 1000)).ToListAsync();

        Assert.Equal(450, items.Count);
        Assert.Equal(450, items.Select(i => i.Id).Distinct().Count());
        Assert.Equal(3, harness.Recorder.ServiceRequests.Count);
        Assert.Equal("https://lms.example/lineitems?limit=1000", harness.Recorder.ServiceRequests[0].Url.AbsoluteUri);
    }

    [Fact]
    public async Task Paging_NextLinkToAnotherHost_StopsWithoutCallingIt()
    {
        using var stub = new StubLms();
        using var harness = new ServicesHarness(demo.Tool, inner: stub);
        stub.Respond = _ => StubLms.Json(StubLms.LineItems(0, 5), "<https://evil.example/lineitems?page=2>; rel=\"next\"");
        var items = new List<LineItem>();

        var error = await Assert.ThrowsAsync<LtiServiceException>(async () =>
        {
            await foreach (var item in harness.Ags.ListLineItemsAsync(StubLms.Ags))
            {
                items.Add(item);
            }
        });

        Assert.Equal(LtiServiceError.ForeignNextLink, error.Error);
        Assert.Equal(5, items.Count);
        Assert.DoesNotContain(harness.Recorder.Requests, r => r.Url.Host == "evil.example");
    }

    [Fact]
    public async Task Paging_EndlessDistinctPages_StopsAtThePageCap()
    {
        using var stub = new StubLms();
        var options = ServicesHarness.FastOptions();
        options.MaxPages = 3;
        using var harness = new ServicesHarness(demo.Tool, options, inner: stub);
        var served = 0;
        stub.Respond = _ =>
        {
            var page = served++;
            return StubLms.Json(StubLms.LineItems(page * 2, 2), $"<https://lms.example/lineitems?page={page + 1}>; rel=next");
        };
        var items = new List<LineItem>();

        var error = await Assert.ThrowsAsync<LtiServiceException>(async () =>
        {
            await foreach (var item in harness.Ags.ListLineItemsAsync(StubLms.Ags))
            {
                items.Add(item);
            }
        });

        Assert.Equal(LtiServiceError.PageLimitReached, error.Error);
        Assert.Equal(3, harness.Recorder.ServiceRequests.Count);
        Assert.Equal(6, items.Count);
    }

    [Fact]
    public async Task Paging_NextLinkBackToAnEarlierPage_StopsAsALoopWithNoItemTwice()
    {
        using var stub = new StubLms();
        using var harness = new ServicesHarness(demo.Tool, inner: stub);
        stub.Respond = request => request.RequestUri!.Query.Contains("page=2", StringComparison.Ordinal)
            ? StubLms.Json(StubLms.LineItems(3, 3), "<https://lms.example/lineitems>; rel=\"next\"")
            : StubLms.Json(StubLms.LineItems(0, 3), "<https://lms.example/lineitems?page=2>; rel=\"next\"");
        var items = new List<LineItem>();

        var error = await Assert.ThrowsAsync<LtiServiceException>(async () =>
        {
            await foreach (var item in harness.Ags.ListLineItemsAsync(StubLms.Ags))
            {
                items.Add(item);
            }
        });

        Assert.Equal(LtiServiceError.PagingLoop, error.Error);
        Assert.Equal(6, items.Select(i => i.Id).Distinct().Count());
        Assert.Equal(6, items.Count);
        Assert.Equal(2, harness.Recorder.ServiceRequests.Count);
    }

    [Fact]
    public async Task Memberships_DifferencesLink_ExposedAndReadable()
    {
        using var stub = new StubLms();
        using var harness = new ServicesHarness(demo.Tool, inner: stub);
        stub.Respond = request => request.RequestUri!.AbsolutePath switch
        {
            "/memberships" when request.RequestUri.Query.Length == 0 => StubLms.Json(
                """{"id":"https://lms.example/memberships","context":{"id":"c1","label":"L","title":"T"},"members":[{"user_id":"1","roles":["Learner"]}]}""",
                "<https://lms.example/memberships?p=2>; rel=“next”, <https://lms.example/memberships/diff?since=42>; rel=“differences”"),
            "/memberships" => StubLms.Json("""{"members":[{"user_id":"2","roles":["Learner"]}]}"""),
            "/memberships/diff" => StubLms.Json("""{"members":[{"user_id":"2","roles":["Learner"],"status":"Deleted"}]}"""),
            _ => new HttpResponseMessage(System.Net.HttpStatusCode.NotFound),
        };

        var roster = await harness.Nrps.GetMembershipsAsync(StubLms.Nrps);
        var changes = await harness.Nrps.GetDifferencesAsync(StubLms.Nrps, roster.DifferencesUrl!);

        Assert.Equal(["1", "2"], roster.Members.Select(m => m.UserId));
        Assert.Equal(2, roster.Pages);
        Assert.Equal("c1", roster.Context!.Id);
        Assert.Equal(new Uri("https://lms.example/memberships/diff?since=42"), roster.DifferencesUrl);
        Assert.False(Assert.Single(changes.Members).IsActive);
    }

    [Fact]
    public async Task Response_LargerThanTheCap_ReportedAsMalformed()
    {
        using var stub = new StubLms();
        var options = ServicesHarness.FastOptions();
        options.MaxResponseBytes = 64 * 1024;
        using var harness = new ServicesHarness(demo.Tool, options, inner: stub);
        stub.Respond = _ => StubLms.Json(StubLms.LineItems(0, 2000));

        var error = await Assert.ThrowsAsync<LtiServiceException>(() => harness.Ags.ListLineItemsAsync(StubLms.Ags).ToListAsync().AsTask());

        Assert.Equal(LtiServiceError.MalformedResponse, error.Error);
        Assert.Single(harness.Recorder.ServiceRequests);
    }
}
