using System.Net;
using LtiTool.Demo;
using LtiTool.Lti;

namespace LtiTool.Tests.Demo;

/// <summary>Fault injection changes shared state, so these tests have their own host and run one after another.</summary>
public sealed class DemoFaultsTests(DemoLmsFixture lms) : IClassFixture<DemoLmsFixture>, IDisposable
{
    [Fact]
    public async Task Canvas_throttle_fails_only_the_next_call_of_the_chosen_kind()
    {
        var token = await lms.AccessTokenAsync(LtiConstants.Scopes.ContextMembershipReadOnly, LtiConstants.Scopes.LineItemReadOnly);
        lms.Faults.Set(DemoFault.CanvasThrottle403, DemoEndpointKind.Nrps, count: 1);

        using var lineItems = await GetAsync(lms.Urls.LineItemsUrl, token);
        using var throttled = await GetAsync(lms.Urls.MembershipsUrl, token);
        using var after = await GetAsync(lms.Urls.MembershipsUrl, token);

        Assert.Equal(HttpStatusCode.OK, lineItems.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, throttled.StatusCode);
        Assert.Equal("Rate Limit Exceeded", await throttled.Content.ReadAsStringAsync());
        Assert.Equal("0", Assert.Single(throttled.Headers.GetValues("X-Rate-Limit-Remaining")));
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task Too_many_requests_announces_retry_after_and_server_error_answers_500()
    {
        var token = await lms.AccessTokenAsync(LtiConstants.Scopes.LineItemReadOnly);

        lms.Faults.Set(DemoFault.TooManyRequests429, DemoEndpointKind.Ags, count: 1);
        using var limited = await GetAsync(lms.Urls.LineItemsUrl, token);
        lms.Faults.Set(DemoFault.ServerError500, DemoEndpointKind.Ags);
        using var failing1 = await GetAsync(lms.Urls.LineItemsUrl, token);
        using var failing2 = await GetAsync(lms.Urls.LineItemsUrl, token);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), limited.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.InternalServerError, failing1.StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, failing2.StatusCode);
    }

    [Fact]
    public async Task Token_faults_and_malformed_json()
    {
        lms.Faults.Set(DemoFault.MalformedJson, DemoEndpointKind.Token, count: 1);

        using var response = await lms.RequestTokenAsync(lms.ClientAssertion(), LtiConstants.Scopes.Score);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Assert.ThrowsAnyAsync<System.Text.Json.JsonException>(async () => System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Paging_loop_points_the_next_link_at_the_same_page()
    {
        var token = await lms.AccessTokenAsync(LtiConstants.Scopes.LineItemReadOnly);
        var url = lms.Urls.LineItemsUrl + "&limit=2&from=4";
        lms.Faults.Set(DemoFault.PagingLoop, DemoEndpointKind.Ags);

        using var response = await GetAsync(url, token);

        var next = new Uri(DemoServicesTests.NextLink(response)!);
        Assert.Contains("from=4", next.Query, StringComparison.Ordinal);
        Assert.Contains("limit=2", next.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Timeout_holds_the_request_until_the_client_gives_up()
    {
        var token = await lms.AccessTokenAsync(LtiConstants.Scopes.LineItemReadOnly);
        lms.Faults.Set(DemoFault.Timeout, DemoEndpointKind.Ags, count: 1);
        using var client = new HttpClient { Timeout = TimeSpan.FromMilliseconds(300) };

        await Assert.ThrowsAsync<TaskCanceledException>(() => client.SendAsync(DemoLmsFixture.Authorized(HttpMethod.Get, lms.Urls.LineItemsUrl, token)));
    }

    [Fact]
    public async Task Jwks_fault_and_the_development_faults_endpoint()
    {
        using var set = await lms.Client.PostAsync(new Uri($"{lms.Urls.Home}/faults?fault=ServerError500&kind=jwks&count=1"), null);
        using var failing = await lms.Client.GetAsync(new Uri(lms.Urls.JwksUrl));
        using var recovered = await lms.Client.GetAsync(new Uri(lms.Urls.JwksUrl));
        using var invalid = await lms.Client.PostAsync(new Uri($"{lms.Urls.Home}/faults?fault=Nope"), null);

        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, failing.StatusCode);
        Assert.Equal(HttpStatusCode.OK, recovered.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
    }

    public void Dispose() => lms.Faults.Reset();

    private Task<HttpResponseMessage> GetAsync(string url, string token) =>
        lms.Client.SendAsync(DemoLmsFixture.Authorized(HttpMethod.Get, url, token));
}
