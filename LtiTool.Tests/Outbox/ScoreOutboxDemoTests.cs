using System.Net;
using System.Text.Json.Nodes;
using LtiTool.Data;
using LtiTool.Demo;
using LtiTool.Lti;
using LtiTool.Outbox;
using LtiTool.Tests.Sync;
using LtiTool.Tests.TestSupport;

namespace LtiTool.Tests.Outbox;

/// <summary>
/// Score passback over HTTP to the demo LMS, which runs in its own host so the tool can be restarted while the LMS (and
/// its in-memory gradebook) stays up. Both hosts share one database file: the LMS host's tool part made the course by a
/// real launch; the tool instances deliver the outbox. Delivery passes are driven by the test, not by timers.
/// </summary>
public sealed class ScoreOutboxDemoTests : IAsyncLifetime, IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "edurec-outbox-" + Guid.NewGuid().ToString("N"));
    private readonly SyncProbe _lmsProbe = new();
    private readonly ToolHost _lms;
    private CourseKey _course = null!;

    public ScoreOutboxDemoTests()
    {
        Directory.CreateDirectory(_directory);
        _lms = new ToolHost(DemoSyncFixture.Settings(ConnectionString, students: 34, assignments: 10, pageSize: 10), "Development", _lmsProbe.Install);
    }

    private string ConnectionString => $"Data Source={Path.Combine(_directory, "edurec.db")}";

    private DemoGradebook Gradebook => _lms.Service<DemoGradebook>();

    private string PanelLineItem => _lms.Service<DemoPlatform>().Urls.LineItemUrl(DemoCourse.PracticePanelLineItemId);

    public async Task InitializeAsync()
    {
        await DemoLaunch.RunAsync(_lms, $"/demo/launch?user={_lms.Service<DemoCourse>().Instructor.Id}&kind=resource", "/instructor");
        _course = await _lmsProbe.NextFinishedAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Outbox_LmsDownThenToolRestarted_ScorePostedExactlyOnceWithItsOriginalTimestamp()
    {
        var student = _lms.Service<DemoCourse>().Students[0].Id;
        var firstProbe = new SyncProbe();
        using (var first = StartTool(firstProbe))
        {
            await first.Service<ScoreOutbox>().RecordPracticeAttemptAsync(new PracticeAttempt(_course, student, "item-1", 8, 10), PanelLineItem);
            _lms.Service<DemoFaults>().Set(DemoFault.ServerError500, DemoEndpointKind.Ags);

            var duringOutage = await first.Service<ScoreOutboxDelivery>().DeliverDueAsync();

            Assert.Equal((1, 1), (duringOutage.Claimed, duringOutage.Retrying));
            Assert.DoesNotContain(Gradebook.ResultsOf(DemoCourse.PracticePanelLineItemId), r => r.UserId == student);
        }

        _lms.Service<DemoFaults>().Reset();
        var secondProbe = new SyncProbe();
        using var restarted = StartTool(secondProbe);
        AdvanceBoth(restarted, TimeSpan.FromMinutes(2));

        var afterRestart = await restarted.Service<ScoreOutboxDelivery>().DeliverDueAsync();
        var nothingLeft = await restarted.Service<ScoreOutboxDelivery>().DeliverDueAsync();

        Assert.Equal((1, 1), (afterRestart.Claimed, afterRestart.Delivered));
        Assert.Equal(0, nothingLeft.Claimed);
        var entry = Assert.Single(await restarted.Service<ScoreOutbox>().ListAsync(_course));
        Assert.Equal(OutboxStatus.Delivered, entry.Status);
        var result = Assert.Single(Gradebook.ResultsOf(DemoCourse.PracticePanelLineItemId), r => r.UserId == student);
        Assert.Equal(80, result.ResultScore);
        var posts = firstProbe.Exchanges.Concat(secondProbe.Exchanges).Where(e => e.IsScorePost).ToList();
        Assert.Single(posts, p => p.Status == HttpStatusCode.OK);
        // One score, its timestamp fixed; every send after the first is marked so Canvas opens no new submission attempt.
        Assert.Single(posts.Select(p => WithoutCanvasResend(p.Body)).Distinct(StringComparer.Ordinal));
        Assert.False(IsCanvasResend(posts[0].Body));
        Assert.All(posts.Skip(1), p => Assert.True(IsCanvasResend(p.Body)));
    }

    [Fact]
    public async Task Worker_Enabled_DeliversOnItsOwnTimerWithoutBeingDriven()
    {
        var student = _lms.Service<DemoCourse>().Students[2].Id;
        var settings = DemoSyncFixture.Settings(ConnectionString, students: 34, assignments: 10, pageSize: 10);
        settings["Outbox:WorkerEnabled"] = "true";
        settings["Outbox:PollInterval"] = "00:00:01";
        using var tool = new ToolHost(settings, "Testing", new SyncProbe().Install);
        var outbox = tool.Service<ScoreOutbox>();

        await outbox.RecordPracticeAttemptAsync(new PracticeAttempt(_course, student, "item-1", 9, 10), PanelLineItem);

        // The timer runs on real time (the fake clock only dates the rows): wait for a few ticks at most.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((await outbox.ListAsync(_course)).Single().Status != OutboxStatus.Delivered && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.Equal(OutboxStatus.Delivered, Assert.Single(await outbox.ListAsync(_course)).Status);
        Assert.Equal(90, Assert.Single(Gradebook.ResultsOf(DemoCourse.PracticePanelLineItemId), r => r.UserId == student).ResultScore);
    }

    [Fact]
    public async Task Outbox_AcknowledgementLostInACrash_RepostCountsAsAlreadyApplied()
    {
        var student = _lms.Service<DemoCourse>().Students[1].Id;
        var firstProbe = new SyncProbe();
        using (var crashing = StartTool(firstProbe))
        {
            await crashing.Service<ScoreOutbox>().RecordPracticeAttemptAsync(new PracticeAttempt(_course, student, "item-1", 3, 4), PanelLineItem);
            var now = crashing.Time.GetUtcNow().ToUnixTimeSeconds();
            var row = Assert.Single(await crashing.Service<IScoreOutboxStore>().ClaimDueAsync("crashed-instance", now, now + 300, 10));

            // The LMS stores the score; the process dies before it records the outcome.
            Assert.Equal(SendOutcome.Delivered, (await crashing.Service<IScoreSender>().SendAsync(row, CancellationToken.None)).Outcome);
        }

        var secondProbe = new SyncProbe();
        using var restarted = StartTool(secondProbe);
        AdvanceBoth(restarted, TimeSpan.FromMinutes(6));

        var pass = await restarted.Service<ScoreOutboxDelivery>().DeliverDueAsync();

        Assert.Equal((1, 1), (pass.Claimed, pass.Delivered));
        Assert.Equal(OutboxStatus.AlreadyApplied, Assert.Single(await restarted.Service<ScoreOutbox>().ListAsync(_course)).Status);
        Assert.Equal(75, Assert.Single(Gradebook.ResultsOf(DemoCourse.PracticePanelLineItemId), r => r.UserId == student).ResultScore);
        var repost = Assert.Single(secondProbe.Exchanges, e => e.IsScorePost);
        Assert.Equal(HttpStatusCode.Conflict, repost.Status);
        Assert.True(IsCanvasResend(repost.Body));
    }

    private static bool IsCanvasResend(string? body) =>
        JsonNode.Parse(body!)![LtiConstants.Extensions.CanvasSubmission]?[LtiConstants.Extensions.CanvasNewSubmission]?.GetValue<bool>() == false;

    private static string WithoutCanvasResend(string? body)
    {
        var json = JsonNode.Parse(body!)!.AsObject();
        json.Remove(LtiConstants.Extensions.CanvasSubmission);
        return json.ToJsonString();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        _lms.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a pooled connection is left for the OS temp cleaner.
        }
    }

    /// <summary>A tool instance on the shared database, without the demo: it reaches the LMS host as any platform.</summary>
    private ToolHost StartTool(SyncProbe probe)
    {
        var settings = DemoSyncFixture.Settings(ConnectionString, students: 34, assignments: 10, pageSize: 10);
        return new ToolHost(settings, "Testing", probe.Install);
    }

    // Retry and lease times are judged on the tool's clock, client assertions on the LMS's: both move together.
    private void AdvanceBoth(ToolHost tool, TimeSpan delta)
    {
        tool.Time.Advance(delta);
        _lms.Time.Advance(delta);
    }
}
