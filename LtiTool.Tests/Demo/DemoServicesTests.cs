using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using LtiTool.Demo;
using LtiTool.Lti;
using Microsoft.Extensions.DependencyInjection;

namespace LtiTool.Tests.Demo;

public sealed class DemoServicesTests(DemoLmsFixture lms) : IClassFixture<DemoLmsFixture>
{
    [Fact]
    public async Task Line_items_page_through_next_links_to_every_item()
    {
        var token = await lms.AccessTokenAsync(LtiConstants.Scopes.LineItemReadOnly);
        var expected = lms.Services.GetRequiredService<DemoGradebook>().LineItems.Count;

        var (items, pages) = await FollowAsync(lms.Client, lms.Urls.LineItemsUrl + "&limit=3", token, LtiConstants.MediaTypes.LineItemContainer, json => json.EnumerateArray());

        Assert.Equal(expected, items.Count);
        Assert.Equal((expected + 2) / 3, pages);
        Assert.Equal(items.Count, items.Select(i => i.GetProperty("id").GetString()).Distinct().Count());
        Assert.Contains(items, i => i.GetProperty("tag").GetString() == "fractions.add");
    }

    [Fact]
    public async Task Results_page_through_next_links_and_match_the_seeded_scores()
    {
        var token = await lms.AccessTokenAsync(LtiConstants.Scopes.ResultReadOnly);
        var course = lms.Services.GetRequiredService<DemoCourse>();
        var expected = course.Scores.Count(s => s.LineItemId == "11");

        var (results, pages) = await FollowAsync(lms.Client, lms.Urls.ResultsUrl("11"), token, LtiConstants.MediaTypes.ResultContainer, json => json.EnumerateArray());

        Assert.Equal(expected, results.Count);
        Assert.True(pages > 1);
        Assert.All(results, r => Assert.Equal(20, r.GetProperty("resultMaximum").GetDouble()));
    }

    [Fact]
    public async Task Memberships_page_with_moodle_curly_quoted_next_links_to_the_whole_roster()
    {
        var token = await lms.AccessTokenAsync(LtiConstants.Scopes.ContextMembershipReadOnly);
        using var handler = new SocketsHttpHandler { ResponseHeaderEncodingSelector = (_, _) => Encoding.UTF8 };
        using var client = new HttpClient(handler);
        var course = lms.Services.GetRequiredService<DemoCourse>();

        var (members, pages) = await FollowAsync(client, lms.Urls.MembershipsUrl + "?limit=7", token, LtiConstants.MediaTypes.MembershipContainer, json => json.GetProperty("members").EnumerateArray());

        Assert.Equal(course.Members.Count, members.Count);
        Assert.Equal((course.Members.Count + 6) / 7, pages);
        Assert.Single(members, m => !m.TryGetProperty("name", out _));
        Assert.Single(members, m => m.GetProperty("roles")[0].GetString() == "Instructor");
        using var firstPage = await client.SendAsync(DemoLmsFixture.Authorized(HttpMethod.Get, lms.Urls.MembershipsUrl + "?limit=7", token));
        Assert.EndsWith("; rel=“next”", Assert.Single(firstPage.Headers.GetValues("Link")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Score_with_the_same_timestamp_is_refused_with_409_and_a_later_one_is_stored()
    {
        var token = await lms.AccessTokenAsync(LtiConstants.Scopes.Score, LtiConstants.Scopes.ResultReadOnly);
        var scoresUrl = lms.Urls.LineItemUrl("10").Replace("/lineitem?", "/lineitem/scores?", StringComparison.Ordinal);

        using var first = await PostScoreAsync(scoresUrl, token, "2030-01-01T10:00:00.000Z", 8);
        using var same = await PostScoreAsync(scoresUrl, token, "2030-01-01T10:00:00.000Z", 9);
        using var later = await PostScoreAsync(scoresUrl, token, "2030-01-01T10:00:01.000Z", 9);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, same.StatusCode);
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
        var result = Assert.Single(lms.Services.GetRequiredService<DemoGradebook>().ResultsOf("10"), r => r.UserId == "6");
        Assert.Equal(90, result.ResultScore);
    }

    [Fact]
    public async Task Scores_need_the_score_media_type_and_the_type_id_query()
    {
        var token = await lms.AccessTokenAsync(LtiConstants.Scopes.Score);
        var scoresUrl = lms.Urls.LineItemUrl("10").Replace("/lineitem?", "/lineitem/scores?", StringComparison.Ordinal);
        var appendedAfterQuery = lms.Urls.LineItemUrl("10") + "/scores";

        using var wrongType = await PostScoreAsync(scoresUrl, token, "2031-01-01T00:00:00Z", 5, "application/json");
        using var lostQuery = await PostScoreAsync(appendedAfterQuery, token, "2031-01-01T00:00:00Z", 5);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, wrongType.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, lostQuery.StatusCode);
    }

    [Fact]
    public async Task Services_refuse_missing_tokens_with_401_and_missing_scopes_with_403()
    {
        var lineItemsOnly = await lms.AccessTokenAsync(LtiConstants.Scopes.LineItemReadOnly);

        using var none = await lms.Client.GetAsync(new Uri(lms.Urls.MembershipsUrl));
        using var wrongScope = await lms.Client.SendAsync(DemoLmsFixture.Authorized(HttpMethod.Get, lms.Urls.MembershipsUrl, lineItemsOnly));
        using var bogus = await lms.Client.SendAsync(DemoLmsFixture.Authorized(HttpMethod.Get, lms.Urls.LineItemsUrl, "not-a-token"));

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, wrongScope.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, bogus.StatusCode);
    }

    [Fact]
    public async Task Line_item_without_label_is_refused_like_moodle_and_a_valid_one_is_created()
    {
        var token = await lms.AccessTokenAsync(LtiConstants.Scopes.LineItem);

        using var bad = await PostLineItemAsync(token, """{"scoreMaximum": 10}""");
        using var good = await PostLineItemAsync(token, """{"label": "Practice: ratios", "scoreMaximum": 10, "tag": "ratios", "resourceId": "p-1"}""");

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("No label or Score Maximum", await bad.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Created, good.StatusCode);
        Assert.StartsWith(LtiConstants.MediaTypes.LineItem, good.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> PostLineItemAsync(string token, string json)
    {
        using var request = DemoLmsFixture.Authorized(HttpMethod.Post, lms.Urls.LineItemsUrl, token, LtiConstants.MediaTypes.LineItem);
        request.Content = new StringContent(json, Encoding.UTF8, LtiConstants.MediaTypes.LineItem);
        return await lms.Client.SendAsync(request);
    }

    private async Task<HttpResponseMessage> PostScoreAsync(string url, string token, string timestamp, double given, string mediaType = LtiConstants.MediaTypes.Score)
    {
        using var request = DemoLmsFixture.Authorized(HttpMethod.Post, url, token);
        var body = JsonSerializer.Serialize(new
        {
            userId = "6",
            scoreGiven = given,
            scoreMaximum = 10,
            activityProgress = "Completed",
            gradingProgress = "FullyGraded",
            timestamp,
        });
        request.Content = new StringContent(body, Encoding.UTF8);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        return await lms.Client.SendAsync(request);
    }

    /// <summary>Follows <c>Link: &lt;…&gt;; rel="next"</c> (straight or Moodle's curly quotes) to the last page.</summary>
    internal static async Task<(List<JsonElement> Items, int Pages)> FollowAsync(
        HttpClient client, string url, string token, string mediaType, Func<JsonElement, IEnumerable<JsonElement>> select)
    {
        var items = new List<JsonElement>();
        var pages = 0;
        for (string? next = url; next is not null && pages < 100; pages++)
        {
            using var response = await client.SendAsync(DemoLmsFixture.Authorized(HttpMethod.Get, next, token, mediaType));
            response.EnsureSuccessStatusCode();
            Assert.StartsWith(mediaType, response.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            items.AddRange(select(json.RootElement).Select(e => e.Clone()));
            next = NextLink(response);
        }

        return (items, pages);
    }

    internal static string? NextLink(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Link", out var values))
        {
            return null;
        }

        var link = string.Join(',', values);
        var isNext = link.Contains("rel=\"next\"", StringComparison.Ordinal) || link.Contains("rel=“next”", StringComparison.Ordinal);
        return isNext ? link[(link.IndexOf('<', StringComparison.Ordinal) + 1)..link.IndexOf('>', StringComparison.Ordinal)] : null;
    }
}
