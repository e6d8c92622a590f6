using LtiTool.Data;
using LtiTool.Outbox;
using LtiTool.Sync;
using LtiTool.Tests.Data;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LtiTool.Tests.Outbox;

/// <summary>The delivery state machine over a real SQLite outbox, with a scripted sender standing in for the platform.</summary>
public sealed class ScoreOutboxDeliveryTests(SqliteProvider provider) : IClassFixture<SqliteProvider>
{
    private const string LineItem = "https://lms.example/lineitems/7/lineitem";

    private readonly ScoreOutboxStore _store = new(provider.Database);
    private readonly ScriptedSender _sender = new();

    [Fact]
    public async Task DeliverDueAsync_PlatformAccepts_MarksDeliveredAndSendsOnce()
    {
        var course = await RecordAsync();

        var pass = await Delivery().DeliverDueAsync();
        await Delivery().DeliverDueAsync();

        Assert.Equal(1, pass.Delivered);
        Assert.Single(_sender.Sent);
        Assert.Equal(OutboxStatus.Delivered, await StatusAsync(course));
    }

    [Fact]
    public async Task DeliverDueAsync_OutageThenRecovery_RetriesWithTheSameTimestampAndDeliversOnce()
    {
        var course = await RecordAsync();
        _sender.Next(new SendResult(SendOutcome.Transient, "503"), new SendResult(SendOutcome.Transient, "503"));

        await Delivery().DeliverDueAsync();
        provider.Time.Advance(TimeSpan.FromMinutes(1));
        await Delivery().DeliverDueAsync();
        Assert.Equal(OutboxStatus.Pending, await StatusAsync(course));
        provider.Time.Advance(TimeSpan.FromMinutes(5));
        await Delivery().DeliverDueAsync();
        await Delivery().DeliverDueAsync();

        Assert.Equal(OutboxStatus.Delivered, await StatusAsync(course));
        Assert.Equal(3, _sender.Sent.Count);
        Assert.Single(_sender.Sent.Select(r => r.Payload).Distinct());
    }

    [Fact]
    public async Task DeliverDueAsync_MoodleConflictForTheNewestVersion_CountsAsAlreadyApplied()
    {
        var course = await RecordAsync();
        _sender.Next(new SendResult(SendOutcome.NotNewer, "409"));

        await Delivery().DeliverDueAsync();

        Assert.Equal(OutboxStatus.AlreadyApplied, await StatusAsync(course));
    }

    [Fact]
    public async Task DeliverDueAsync_EarlierTimestampRefused_MarksSuperseded()
    {
        var course = await RecordAsync();
        _sender.Next(new SendResult(SendOutcome.Superseded, "timestamp earlier than the result"));

        await Delivery().DeliverDueAsync();

        Assert.Equal(OutboxStatus.Superseded, await StatusAsync(course));
    }

    [Fact]
    public async Task DeliverDueAsync_UserNotGradable_DeadLettersWithTheReasonAndNeverRetries()
    {
        var course = await RecordAsync();
        _sender.Next(new SendResult(SendOutcome.Permanent, "422 user not found or not a student"));

        await Delivery().DeliverDueAsync();
        provider.Time.Advance(TimeSpan.FromDays(1));
        await Delivery().DeliverDueAsync();

        var entry = Assert.Single(await _store.ListAsync(course, 10));
        Assert.Equal((OutboxStatus.Dead, "422 user not found or not a student"), (entry.Status, entry.LastError));
        Assert.Single(_sender.Sent);
    }

    [Fact]
    public async Task DeliverDueAsync_OutageLongerThanMaxAge_GivesUp()
    {
        var course = await RecordAsync();
        _sender.Next(Enumerable.Repeat(new SendResult(SendOutcome.Transient, "503"), 100).ToArray());

        for (var hour = 0; hour <= 96; hour++)
        {
            await Delivery().DeliverDueAsync();
            provider.Time.Advance(TimeSpan.FromHours(1));
        }

        Assert.Equal(OutboxStatus.Dead, await StatusAsync(course));
    }

    [Fact]
    public async Task DeliverDueAsync_NewerGradeWhileOlderPending_SendsOnlyTheNewer()
    {
        var course = await RecordAsync();
        await _store.RecordAttemptAsync(new PracticeAttempt(course, "student-1", "item-1", 10, 10), LineItem, provider.Now * 1000);

        await Delivery().DeliverDueAsync();

        var sent = Assert.Single(_sender.Sent);
        Assert.Equal(2, sent.GradeVersion);
        Assert.Equal([OutboxStatus.Delivered, OutboxStatus.Superseded], (await _store.ListAsync(course, 10)).Select(e => e.Status));
    }

    private ScoreOutboxDelivery Delivery() =>
        new(_store, _sender, new ToolInstance(), provider.Time, Options.Create(new OutboxOptions()), NullLogger<ScoreOutboxDelivery>.Instance);

    private async Task<CourseKey> RecordAsync()
    {
        var platform = await provider.AddPlatformAsync("deployment-1");
        var course = new CourseKey(platform.Id, "deployment-1", TestRows.UniqueId("course"));
        await _store.RecordAttemptAsync(new PracticeAttempt(course, "student-1", "item-1", 7, 10), LineItem, provider.Now * 1000);
        return course;
    }

    private async Task<OutboxStatus> StatusAsync(CourseKey course) => (await _store.ListAsync(course, 10))[0].Status;

    /// <summary>Answers with the queued results in order, then Delivered; records every row it was asked to send.</summary>
    private sealed class ScriptedSender : IScoreSender
    {
        private readonly Queue<SendResult> _script = new();

        public List<OutboxRow> Sent { get; } = [];

        public void Next(params SendResult[] results)
        {
            foreach (var result in results)
            {
                _script.Enqueue(result);
            }
        }

        public Task<SendResult> SendAsync(OutboxRow row, CancellationToken cancellationToken)
        {
            Sent.Add(row);
            return Task.FromResult(_script.TryDequeue(out var result) ? result : new SendResult(SendOutcome.Delivered));
        }
    }
}
