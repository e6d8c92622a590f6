using LtiTool.Demo;
using LtiTool.Lti;
using LtiTool.Sync;
using LtiTool.Tests.Sync;
using LtiTool.Tests.TestSupport;

namespace LtiTool.Tests.Demo;

/// <summary>
/// The demo LMS behaves like the real ones by default (issue 10): AGS shows the tool only its own line items, the
/// seeded history stays in the LMS gradebook and its CSV export; in Moodle mode it also fails results read with
/// <c>limit</c> as Moodle 5.0 does, and the tool's sync copes.
/// </summary>
public sealed class DemoGradebookVisibilityTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "edurec-demo-visibility-" + Guid.NewGuid().ToString("N"));
    private readonly SyncProbe _probe = new();
    private ToolHost? _tool;

    [Fact]
    public async Task Sync_DefaultDemo_SeesOnlyTheToolsOwnColumnWhileTheGradebookExportHoldsTheHistory()
    {
        var tool = await StartAndSyncAsync(DemoPlatformKind.Demo);
        var gradebook = tool.Service<DemoGradebook>();
        var course = (await tool.Service<ICourseDataStore>().FindDueAsync(long.MaxValue, 10)).Single();

        var stored = await tool.Service<ICourseDataStore>().GetLineItemsAsync(course, includeDeleted: true);
        Assert.Equal([DemoCourse.PracticePanelLineItemId], stored.Select(l => new Uri(l.Id).Segments[^2].TrimEnd('/')));
        Assert.True(gradebook.AllLineItems.Count > 10);
        Assert.Null((await tool.Service<ICourseDataStore>().GetStatusAsync(course))!.LastError);

        using var client = tool.NewClient();
        var csv = await client.GetStringAsync("/demo" + DemoGradebookExport.Path);
        var lines = csv.TrimEnd('\n').Split('\n');
        Assert.StartsWith("First name,Last name,ID number,Institution,Department,Email address,", lines[0], StringComparison.Ordinal);
        Assert.Contains(",Quiz: Quiz 1: Adding fractions (Real),", lines[0], StringComparison.Ordinal);
        Assert.EndsWith(",Last downloaded from this course", lines[0], StringComparison.Ordinal);
        Assert.Equal(tool.Service<DemoCourse>().Students.Count, lines.Length - 1);
    }

    [Fact]
    public async Task Sync_MoodleMode_ProductFamilyKeptAndResultsReadWithoutLimit()
    {
        var tool = await StartAndSyncAsync(DemoPlatformKind.Moodle);
        var store = tool.Service<ICourseDataStore>();
        var course = (await store.FindDueAsync(long.MaxValue, 10)).Single();

        Assert.True((await store.FindServicesAsync(course))!.IsMoodle);
        var resultReads = _probe.Exchanges.Where(e => e.Url.AbsolutePath.EndsWith("/results", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(resultReads);
        Assert.All(resultReads, e => Assert.DoesNotContain("limit=", e.Url.Query, StringComparison.Ordinal));
        Assert.Null((await store.GetStatusAsync(course))!.LastError);

        using var client = tool.NewClient();
        var token = tool.Service<DemoAccessTokens>().Issue([LtiConstants.Scopes.ResultReadOnly]);
        using var request = DemoLmsFixture.Authorized(HttpMethod.Get, resultReads[0].Url + "&limit=5", token, LtiConstants.MediaTypes.ResultContainer);
        using var crash = await client.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, crash.StatusCode);
        Assert.Equal("text/html", crash.Content.Headers.ContentType?.MediaType);
    }

    public void Dispose()
    {
        _tool?.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a pooled connection is left for the OS temp cleaner.
        }
    }

    private async Task<ToolHost> StartAndSyncAsync(DemoPlatformKind platform)
    {
        Directory.CreateDirectory(_directory);
        var settings = DemoSyncFixture.Settings($"Data Source={Path.Combine(_directory, "edurec.db")}", students: 34, assignments: 10, pageSize: 10);
        settings["Demo:ShowAllLineItems"] = "false";
        settings["Demo:Platform"] = platform.ToString();
        _tool = new ToolHost(settings, "Development", _probe.Install);
        await DemoLaunch.RunAsync(_tool, $"/demo/launch?user={_tool.Service<DemoCourse>().Instructor.Id}&kind=resource", "/instructor");
        await _probe.NextFinishedAsync().AsTask().WaitAsync(TimeSpan.FromMinutes(2));
        return _tool;
    }
}
