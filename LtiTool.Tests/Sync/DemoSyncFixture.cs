using LtiTool.Data;
using LtiTool.Demo;
using LtiTool.Sync;
using LtiTool.Tests.TestSupport;

namespace LtiTool.Tests.Sync;

/// <summary>
/// The tool with the demo LMS of a chosen size, its course created by a real instructor launch and synced once by the
/// launch's background sync. The database file is the fixture's, so a second tool instance can share it.
/// </summary>
public abstract class DemoSyncFixture(int students, int assignments, int pageSize) : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "edurec-sync-" + Guid.NewGuid().ToString("N"));

    public SyncProbe Probe { get; } = new();

    public ToolHost Tool { get; private set; } = null!;

    public CourseKey Course { get; private set; } = null!;

    /// <summary>Every service request of the launch's first sync, token requests included.</summary>
    public IReadOnlyList<ServiceExchange> FirstSync { get; private set; } = [];

    public string ConnectionString => $"Data Source={Path.Combine(_directory, "edurec.db")}";

    public DemoCourse Demo => Tool.Service<DemoCourse>();

    public DemoGradebook Gradebook => Tool.Service<DemoGradebook>();

    public DemoFaults Faults => Tool.Service<DemoFaults>();

    public CourseSync Sync => Tool.Service<CourseSync>();

    public ICourseDataStore Store => Tool.Service<ICourseDataStore>();

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        Tool = new ToolHost(Settings(ConnectionString, students, assignments, pageSize), "Development", Probe.Install);
        await DemoLaunch.RunAsync(Tool, $"/demo/launch?user={Demo.Instructor.Id}&kind=resource", "/instructor");
        Course = await Probe.NextFinishedAsync().AsTask().WaitAsync(TimeSpan.FromMinutes(2));
        FirstSync = Probe.Exchanges;
    }

    public Task DisposeAsync()
    {
        Tool.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a pooled connection is left for the OS temp cleaner.
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Demo size, tiny retry delays (milliseconds, so no test waits on backoff), a short attempt timeout for the Timeout
    /// fault, the circuit breaker out of the way (its own tests cover it), and no timers: tests drive the sync and the outbox.
    /// The demo lists every column (<c>Demo:ShowAllLineItems</c>), so the sync is measured against a large gradebook.
    /// </summary>
    public static Dictionary<string, string?> Settings(string connectionString, int students, int assignments, int pageSize) => new()
    {
        ["Database:ConnectionString"] = connectionString,
        ["Demo:Students"] = students.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Demo:Assignments"] = assignments.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Demo:ShowAllLineItems"] = "true",
        ["Demo:FaultTimeoutDelay"] = "00:00:03",
        ["Sync:PageSize"] = pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Sync:SchedulerEnabled"] = "false",
        ["Outbox:WorkerEnabled"] = "false",
        ["Lti:Services:RetryBaseDelay"] = "00:00:00.001",
        ["Lti:Services:MaxRetryDelay"] = "00:00:00.020",
        ["Lti:Services:AttemptTimeout"] = "00:00:00.500",
        ["Lti:Services:CircuitMinimumThroughput"] = "10000",
    };

    /// <summary>Asserts that the database holds the demo's gradebook and roster exactly: every row once, nothing marked gone.</summary>
    public async Task AssertMatchesDemoAsync()
    {
        var lineItems = await Store.GetLineItemsAsync(Course, includeDeleted: true);
        var results = await Store.GetResultsAsync(Course);
        var members = await Store.GetMembersAsync(Course);

        Assert.Equal(Gradebook.LineItems.Count, lineItems.Count);
        Assert.All(lineItems, l => Assert.Null(l.DeletedAt));
        Assert.Equal(Gradebook.LineItems.Sum(l => Gradebook.ResultsOf(l.Id).Count), results.Count);
        Assert.Equal(Demo.Members.Count, members.Count);
        Assert.All(members, m => Assert.True(m.IsActive));
    }
}

public sealed class LargeCourseFixture() : DemoSyncFixture(students: 500, assignments: 40, pageSize: 200);

public sealed class SmallCourseFixture() : DemoSyncFixture(students: 34, assignments: 10, pageSize: 10);
