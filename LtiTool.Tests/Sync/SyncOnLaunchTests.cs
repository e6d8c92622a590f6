using LtiTool.Demo;
using LtiTool.Sync;
using LtiTool.Tests.TestSupport;

namespace LtiTool.Tests.Sync;

/// <summary>Launches queue a background sync of a stale course and never wait for the LMS.</summary>
public sealed class SyncOnLaunchTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "edurec-launch-sync-" + Guid.NewGuid().ToString("N"));
    private readonly SyncProbe _probe = new();
    private readonly ToolHost _tool;

    public SyncOnLaunchTests()
    {
        Directory.CreateDirectory(_directory);
        _tool = new ToolHost(
            DemoSyncFixture.Settings($"Data Source={Path.Combine(_directory, "edurec.db")}", students: 34, assignments: 10, pageSize: 10), "Development", _probe.Install);
    }

    [Fact]
    public async Task Launch_CourseNeverSynced_PageRendersWhileTheSyncWaitsOnTheLms()
    {
        var instructor = _tool.Service<DemoCourse>().Instructor.Id;
        _probe.CloseGate();

        var page = await DemoLaunch.RunAsync(_tool, $"/demo/launch?user={instructor}&kind=resource", "/instructor");
        await _probe.NextEnteredAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Contains("Class overview", page, StringComparison.Ordinal);
        var course = Assert.Single(await _tool.Service<ICourseDataStore>().FindDueAsync(long.MaxValue, 10));
        var status = await _tool.Service<ICourseDataStore>().GetStatusAsync(course);
        Assert.True(status!.IsRunning);
        Assert.Null(status.LastSucceededAt);

        _probe.OpenGate();
        await _probe.NextFinishedAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));
        status = await _tool.Service<ICourseDataStore>().GetStatusAsync(course);
        Assert.NotNull(status!.LastSucceededAt);
        Assert.Null(status.LastError);
    }

    [Fact]
    public async Task Launch_DataOlderThanStaleAfter_SyncsAgain()
    {
        var student = _tool.Service<DemoCourse>().Students[0].Id;
        await DemoLaunch.RunAsync(_tool, $"/demo/launch?user={student}&kind=resource", "/student");
        var course = await _probe.NextFinishedAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));
        var firstSuccess = (await _tool.Service<ICourseDataStore>().GetStatusAsync(course))!.LastSucceededAt;

        _tool.Time.Advance(TimeSpan.FromMinutes(16));
        await DemoLaunch.RunAsync(_tool, $"/demo/launch?user={student}&kind=resource", "/student");
        await _probe.NextFinishedAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));

        var status = await _tool.Service<ICourseDataStore>().GetStatusAsync(course);
        Assert.True(status!.LastSucceededAt >= firstSuccess + (16 * 60));
    }

    public void Dispose()
    {
        _probe.OpenGate();
        _tool.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a pooled connection is left for the OS temp cleaner.
        }
    }
}
