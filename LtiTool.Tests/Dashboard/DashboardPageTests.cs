using System.Net;
using LtiTool.Dashboard;
using LtiTool.Data;
using LtiTool.Demo;
using LtiTool.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LtiTool.Tests.Dashboard;

public sealed class SmallClassToolFixture : IDisposable
{
    private sealed class FixedMastery : IClassMasterySource
    {
        public Task<ClassMastery> ReadAsync(CourseKey course, CancellationToken cancellationToken) => Task.FromResult(SmallClass.Table());
    }

    public ToolHost Tool { get; } = new(environment: "Development", configureServices: services => services.Replace(ServiceDescriptor.Singleton<IClassMasterySource, FixedMastery>()));

    public void Dispose() => Tool.Dispose();
}

/// <summary>The class dashboard as the instructor's launch shows it, over the small hand-computed class.</summary>
public sealed class DashboardPageTests(SmallClassToolFixture fixture) : IClassFixture<SmallClassToolFixture>
{
    private async Task<string> LaunchAsync() =>
        await DemoLaunch.LaunchAsync(fixture.Tool, $"/demo/launch?user={fixture.Tool.Service<DemoCourse>().Instructor.Id}&kind=resource", "/instructor");

    [Fact]
    public async Task Dashboard_ShowsHeatmapRiskAndGroups()
    {
        using var client = fixture.Tool.NewClient();

        var html = await client.GetStringAsync(await LaunchAsync());

        Assert.Contains("<table class=\"heatmap\">", html, StringComparison.Ordinal);
        Assert.Contains("17 %", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"heat-state\">gap</span>", html, StringComparison.Ordinal);
        Assert.Contains("2 of 3", html, StringComparison.Ordinal);
        Assert.Contains("Confident gaps on 2 of 2 skills", html, StringComparison.Ordinal);
        Assert.Contains("Group 1", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_SortedBySkill_ListsWeakestFirst()
    {
        using var client = fixture.Tool.NewClient();

        var html = await client.GetStringAsync(await LaunchAsync() + "&sort=fractions");

        // Ana (17 %) before Cy (80 %) before Ben (83 %).
        var ana = html.IndexOf(">Ana<", StringComparison.Ordinal);
        var cy = html.IndexOf(">Cy<", StringComparison.Ordinal);
        var ben = html.IndexOf(">Ben<", StringComparison.Ordinal);
        Assert.True(ana < cy && cy < ben, $"{ana} {cy} {ben}");
        Assert.Contains("aria-sort=\"ascending\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Csv_DownloadsTheTable()
    {
        using var client = fixture.Tool.NewClient();

        using var response = await client.GetAsync(await LaunchAsync() + "&handler=csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        var csv = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("student,user_id,fractions estimate", csv.TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Equal(4, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }
}
