using LtiTool.Data;
using LtiTool.Outbox;

namespace LtiTool.Tests.Data;

public abstract class ScoreOutboxStoreTests<TProvider>(TProvider provider) : IClassFixture<TProvider>
    where TProvider : TestDatabaseProvider
{
    private const string LineItem = "https://lms.example/lineitems/7/lineitem?type_id=1";

    private readonly ScoreOutboxStore _store = new(provider.Database);

    [ProviderFact]
    public async Task RecordAttemptAsync_WithLineItem_StoresAttemptAndPendingRowTogether()
    {
        var attempt = await NewAttemptAsync();

        var recorded = await _store.RecordAttemptAsync(attempt, LineItem, NowMs);

        Assert.NotNull(recorded.OutboxId);
        var entry = Assert.Single(await _store.ListAsync(attempt.Course, 10));
        Assert.Equal((OutboxStatus.Pending, 1L, 0), (entry.Status, entry.GradeVersion, entry.Attempts));
    }

    [ProviderFact]
    public async Task RecordAttemptAsync_WithoutLineItem_StoresOnlyTheAttempt()
    {
        var attempt = await NewAttemptAsync();

        var recorded = await _store.RecordAttemptAsync(attempt, null, NowMs);

        Assert.Null(recorded.OutboxId);
        Assert.Empty(await _store.ListAsync(attempt.Course, 10));
    }

    [ProviderFact]
    public async Task RecordAttemptAsync_TwoAttemptsInOneSecond_NewerVersionSupersedesAndIsOneSecondLater()
    {
        var attempt = await NewAttemptAsync();
        await _store.RecordAttemptAsync(attempt, LineItem, NowMs);

        await _store.RecordAttemptAsync(attempt with { ScoreGiven = 9 }, LineItem, NowMs + 10);

        var claimed = Assert.Single(await _store.ClaimDueAsync("w", provider.Now, provider.Now + 60, 10), r => r.Course == attempt.Course);
        Assert.Equal((2L, NowMs + 1000), (claimed.GradeVersion, claimed.ScoreTimestampMs));
        using var payload = System.Text.Json.JsonDocument.Parse(claimed.Payload);
        Assert.Equal(ScorePayload.FormatTimestamp(NowMs + 1000), payload.RootElement.GetProperty("timestamp").GetString());
        Assert.Equal([OutboxStatus.Pending, OutboxStatus.Superseded], (await _store.ListAsync(attempt.Course, 10)).Select(e => e.Status));
    }

    [ProviderFact]
    public async Task ClaimDueAsync_RowLeasedByAnotherWorker_IsNotClaimedUntilTheLeaseEnds()
    {
        var attempt = await NewAttemptAsync();
        var id = (await _store.RecordAttemptAsync(attempt, LineItem, NowMs)).OutboxId;
        Assert.Contains(await _store.ClaimDueAsync("a", provider.Now, provider.Now + 60, 100), r => r.Id == id);

        Assert.DoesNotContain(await _store.ClaimDueAsync("b", provider.Now + 59, provider.Now + 120, 100), r => r.Id == id);
        var takenOver = Assert.Single(await _store.ClaimDueAsync("b", provider.Now + 60, provider.Now + 120, 100), r => r.Id == id);
        Assert.Equal(2, takenOver.Attempts);
        Assert.False(await _store.CompleteAsync(id!.Value, "a", OutboxStatus.Delivered, null, provider.Now + 61));
        Assert.True(await _store.CompleteAsync(id.Value, "b", OutboxStatus.Delivered, null, provider.Now + 61));
    }

    [ProviderFact]
    public async Task ClaimDueAsync_ConcurrentWorkers_ClaimEachRowOnce()
    {
        var attempt = await NewAttemptAsync();
        for (var i = 0; i < 20; i++)
        {
            await _store.RecordAttemptAsync(attempt with { UserId = "user-" + i }, LineItem, NowMs);
        }

        var claims = await Task.WhenAll(Enumerable.Range(0, 4).Select(w =>
            Task.Run(() => _store.ClaimDueAsync("worker-" + w, provider.Now, provider.Now + 60, 20))));

        var mine = claims.SelectMany(c => c).Where(r => r.Course == attempt.Course).Select(r => r.Id).ToList();
        Assert.Equal(20, mine.Count);
        Assert.Equal(20, mine.Distinct().Count());
    }

    [ProviderFact]
    public async Task RetryLaterAsync_ClaimedRow_IsDueAgainOnlyAtTheNextAttempt()
    {
        var attempt = await NewAttemptAsync();
        var id = (await _store.RecordAttemptAsync(attempt, LineItem, NowMs)).OutboxId!.Value;
        await _store.ClaimDueAsync("a", provider.Now, provider.Now + 60, 100);

        await _store.RetryLaterAsync(id, "a", provider.Now + 300, "Transient");

        Assert.DoesNotContain(await _store.ClaimDueAsync("a", provider.Now + 299, provider.Now + 400, 100), r => r.Id == id);
        Assert.Contains(await _store.ClaimDueAsync("a", provider.Now + 300, provider.Now + 400, 100), r => r.Id == id);
    }

    [ProviderFact]
    public async Task RecordAttemptAsync_UntrustedText_IsStoredVerbatim()
    {
        var attempt = await NewAttemptAsync();
        var text = "'; DROP TABLE score_outbox; -- \u202e<script>";

        await _store.RecordAttemptAsync(attempt with { UserId = text }, text, NowMs);

        var entry = Assert.Single(await _store.ListAsync(attempt.Course, 10));
        Assert.Equal((text, text), (entry.UserId, entry.LineItemId));
        Assert.True(await provider.SchemaIsIntactAsync());
    }

    private long NowMs => provider.Now * 1000;

    private async Task<PracticeAttempt> NewAttemptAsync()
    {
        var platform = await provider.AddPlatformAsync("deployment-1");
        return new PracticeAttempt(new CourseKey(platform.Id, "deployment-1", TestRows.UniqueId("course")), "student-1", "item-1", 8, 10);
    }
}

public sealed class SqliteScoreOutboxStoreTests(SqliteProvider provider) : ScoreOutboxStoreTests<SqliteProvider>(provider);

[Collection(PostgresDefinition.Name)]
public sealed class PostgresScoreOutboxStoreTests(PostgresProvider provider) : ScoreOutboxStoreTests<PostgresProvider>(provider);
