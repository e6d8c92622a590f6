using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using LtiTool.Data;
using LtiTool.Lti;
using LtiTool.Lti.Launch;
using LtiTool.Lti.Sessions;
using LtiTool.Skills;
using LtiTool.Sync;
using LtiTool.Tests.Data;
using LtiTool.Tests.TestSupport;

namespace LtiTool.Tests.Skills;

public sealed class SkillMappingApiTests(ToolHostFixture fixture) : IClassFixture<ToolHostFixture>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    private ToolHost Tool => fixture.Tool;

    [Fact]
    public async Task Get_LineItemsWithTagAndNothing_ReportsTagAndUnmapped()
    {
        var (token, course) = await LaunchAsync(LaunchRole.Learner);
        await Tool.Service<ISkillMappingStore>().UpsertSkillsAsync(course, [new Skill("ratios", "Ratios")], Tool.Time.GetUtcNow().ToUnixTimeSeconds());

        var view = await GetAsync(token);

        Assert.Equal([("li-1", SkillSource.Tag), ("li-2", SkillSource.Unmapped)], view.LineItems.Select(l => (l.LineItemId, l.Source)));
    }

    [Fact]
    public async Task Put_Instructor_StoresMappingThatOverridesTheTag()
    {
        var (token, _) = await LaunchAsync(LaunchRole.Instructor);

        using var response = await PutAsync(token, "li-1", new SkillWeight("percentages", 0.7));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var mapped = (await GetAsync(token)).LineItems.Single(l => l.LineItemId == "li-1");
        Assert.Equal((SkillSource.Instructor, "percentages", 0.7), (mapped.Source, mapped.Skills.Single().Code, mapped.Skills.Single().Weight));
    }

    [Fact]
    public async Task Put_Learner_IsForbiddenAndStoresNothing()
    {
        var (token, course) = await LaunchAsync(LaunchRole.Learner);

        using var response = await PutAsync(token, "li-1", new SkillWeight("percentages", 1));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty((await Tool.Service<ISkillMappingStore>().GetAsync(course)).InstructorMappings);
    }

    [Fact]
    public async Task Put_LineItemOfAnotherDeploymentsCourseWithSameContextId_IsRejectedAndLeavesItAlone()
    {
        var (token, _) = await LaunchAsync(LaunchRole.Instructor, contextId: "shared-course");
        var (_, victim) = await LaunchAsync(LaunchRole.Instructor, contextId: "shared-course", lineItemPrefix: "victim-");

        using var response = await PutAsync(token, "victim-li-1", new SkillWeight("percentages", 1));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(LtiErrors.InvalidSkillMapping.Id, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty((await Tool.Service<ISkillMappingStore>().GetAsync(victim)).InstructorMappings);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.5)]
    public async Task Put_WeightOutsideZeroToOne_IsRejected(double weight)
    {
        var (token, _) = await LaunchAsync(LaunchRole.Instructor);

        using var response = await PutAsync(token, "li-1", new SkillWeight("ratios", weight));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Get_WithoutToken_IsUnauthorized()
    {
        using var client = Tool.NewClient();

        using var response = await client.GetAsync(new Uri(SkillMappingApi.Path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    /// <summary>A stored launch on a new platform and deployment, its course's line items synced, and its API token.</summary>
    private async Task<(string Token, CourseKey Course)> LaunchAsync(LaunchRole role, string contextId = "course-1", string lineItemPrefix = "")
    {
        var deployment = TestRows.UniqueId("deployment");
        var platform = await Tool.Platforms.AddAsync(TestRows.Registration(TestRows.UniqueIssuer(), "client-1", deployment));
        var now = Tool.Time.GetUtcNow().ToUnixTimeSeconds();
        var launch = TestRows.Launch(platform.Id, now) with
        {
            DeploymentId = deployment,
            Role = role,
            Course = new LaunchCourse(contextId, "Course", "C1"),
        };
        Assert.True(await Tool.Service<ILaunchStore>().SaveAsync(launch, TestRows.UniqueId("nonce"), now + 600, TestRows.Session(launch, now + 3600)));
        var course = new CourseKey(platform.Id, deployment, contextId);
        await new CourseDataStore(Tool.Service<Database>()).SaveLineItemsAsync(
            course, [new LmsLineItem(lineItemPrefix + "li-1", "Quiz 1", 10, null, "ratios", null), new LmsLineItem(lineItemPrefix + "li-2", "Quiz 2", 10, null, null, null)], now);
        return (await Tool.Service<ToolApiTokens>().IssueAsync(launch), course);
    }

    private async Task<SkillMappingsView> GetAsync(string token)
    {
        using var client = Client(token);
        return (await client.GetFromJsonAsync<SkillMappingsView>(new Uri(SkillMappingApi.Path, UriKind.Relative), Json))!;
    }

    private async Task<HttpResponseMessage> PutAsync(string token, string lineItemId, params SkillWeight[] skills)
    {
        using var client = Client(token);
        return await client.PutAsJsonAsync(
            new Uri(SkillMappingApi.Path, UriKind.Relative), new SkillMappingsRequest([new LineItemMappingRequest(lineItemId, skills)]), Json);
    }

    private HttpClient Client(string token)
    {
        var client = Tool.NewClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
