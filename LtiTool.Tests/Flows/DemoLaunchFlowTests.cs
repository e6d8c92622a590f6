using System.Net;
using LtiTool.Demo;
using LtiTool.Tests.Demo;
using LtiTool.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace LtiTool.Tests.Flows;

public sealed class DemoToolFixture : IDisposable
{
    public ToolHost Tool { get; } = new(environment: "Development");

    public DemoCourse Course => Tool.Services.GetRequiredService<DemoCourse>();

    public void Dispose() => Tool.Dispose();
}

/// <summary>
/// The whole LTI 1.3 flow over real HTTP, as a browser inside the demo LMS runs it: the LMS's self-posting login
/// form → the tool's /lti/login → the LMS's authorization endpoint → the self-posting id_token form → the tool's
/// /lti/launch → the page for the role. No step is skipped or faked.
/// </summary>
public sealed class DemoLaunchFlowTests(DemoToolFixture fixture) : IClassFixture<DemoToolFixture>
{
    [Fact]
    public async Task DemoLaunch_Student_ReachesStudentPanel()
    {
        var student = fixture.Course.Students[0];

        var page = await RunFlowAsync($"/demo/launch?user={student.Id}&kind=resource", "/student");

        Assert.Contains("Your practice", page, StringComparison.Ordinal);
        Assert.Contains("Assignment and Grade Services", page, StringComparison.Ordinal);
        Assert.Contains("Names and Role Provisioning Services", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DemoLaunch_Instructor_ReachesDashboard()
    {
        var page = await RunFlowAsync($"/demo/launch?user={fixture.Course.Instructor.Id}&kind=resource", "/instructor");

        Assert.Contains("Class overview", page, StringComparison.Ordinal);
        Assert.Contains("No class results yet", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DemoLaunch_InstructorAddsContent_ReachesContentPicker()
    {
        var page = await RunFlowAsync($"/demo/launch?user={fixture.Course.Instructor.Id}&kind=deeplink", "/deep-linking");

        Assert.Contains("Add practice to your course", page, StringComparison.Ordinal);
        Assert.Contains("Add to course", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DemoHome_LaunchChosen_ShowsTheToolInAnIframe()
    {
        using var client = fixture.Tool.NewClient();

        using var response = await client.GetAsync($"/demo?user={fixture.Course.Students[0].Id}&kind=resource&link={DemoCourse.PracticePanelLinkId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("<iframe", page, StringComparison.Ordinal);
        Assert.Contains("/demo/launch?user=", page, StringComparison.Ordinal);
    }

    private Task<string> RunFlowAsync(string demoLaunchPath, string expectedPage) => DemoLaunch.RunAsync(fixture.Tool, demoLaunchPath, expectedPage);
}
