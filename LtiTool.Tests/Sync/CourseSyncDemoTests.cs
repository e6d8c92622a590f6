using System.Net;
using LtiTool.Lti;
using LtiTool.Sync;

namespace LtiTool.Tests.Sync;

/// <summary>A course of 500 students × 40 line items synced from the demo LMS over HTTP, page by page.</summary>
public sealed class CourseSyncDemoTests(LargeCourseFixture fixture) : IClassFixture<LargeCourseFixture>
{
    [Fact]
    public async Task Sync_Course500StudentsBy40LineItems_DatabaseHoldsEveryRowOnce()
    {
        fixture.Probe.ClearExchanges();

        var outcome = await fixture.Sync.SyncAsync(fixture.Course);

        Assert.Equal(CourseSyncOutcome.Synced, outcome);
        Assert.Equal(500, fixture.Demo.Students.Count);
        Assert.Equal(41, fixture.Gradebook.LineItems.Count);
        await fixture.AssertMatchesDemoAsync();
        // 500 results and 501 members per listing at 200 a page: three pages each.
        var resultPages = fixture.Probe.Exchanges.Count(e => e.Url.AbsolutePath.EndsWith("/results", StringComparison.Ordinal));
        Assert.True(resultPages >= 40 * 3, $"{resultPages} result pages");
        Assert.Equal(3, fixture.Probe.Exchanges.Count(e => e.Url.AbsolutePath.EndsWith("/memberships", StringComparison.Ordinal)));
    }

    [Fact]
    public void FirstSync_ManyCalls_OneTokenPerScopeSet()
    {
        var calls = fixture.FirstSync.Count(e => !e.IsTokenRequest);

        // One token for every line item and results page, one for the roster (different scope, NRPS 2.0 §3.6).
        Assert.Equal(2, fixture.FirstSync.Count(e => e.IsTokenRequest));
        Assert.True(calls > 100, $"{calls} service calls");
        Assert.All(fixture.FirstSync, e => Assert.Equal(HttpStatusCode.OK, e.Status));
    }

    [Fact]
    public void FirstSync_LaunchOffersEveryAgsScope_TokenAsksOnlyForTheReadScopes()
    {
        var scopes = fixture.FirstSync.Where(e => e.IsTokenRequest).Select(e => ScopesOf(e.Body!)).ToList();

        Assert.Contains([LtiConstants.Scopes.LineItemReadOnly, LtiConstants.Scopes.ResultReadOnly], scopes);
        Assert.Contains([LtiConstants.Scopes.ContextMembershipReadOnly], scopes);
        Assert.DoesNotContain(scopes, s => s.Contains(LtiConstants.Scopes.LineItem) || s.Contains(LtiConstants.Scopes.Score));
    }

    private static string[] ScopesOf(string form) =>
        form.Split('&')
            .Select(p => p.Split('=', 2))
            .Where(p => p[0] == LtiConstants.OAuth.Scope)
            .SelectMany(p => WebUtility.UrlDecode(p[1]).Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Order(StringComparer.Ordinal)
            .ToArray();
}
