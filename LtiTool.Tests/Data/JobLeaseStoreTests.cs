using LtiTool.Data;

namespace LtiTool.Tests.Data;

public abstract class JobLeaseStoreTests<TProvider>(TProvider provider) : IClassFixture<TProvider>
    where TProvider : TestDatabaseProvider
{
    private readonly JobLeaseStore _store = new(provider.Database);

    [ProviderFact]
    public async Task TryAcquireAsync_HeldLease_RefusesAnotherOwner()
    {
        var key = TestRows.UniqueId("job");
        Assert.True(await _store.TryAcquireAsync(key, "a", provider.Now, provider.Now + 60));

        Assert.False(await _store.TryAcquireAsync(key, "b", provider.Now + 59, provider.Now + 120));
    }

    [ProviderFact]
    public async Task TryAcquireAsync_ExpiredLease_IsTakenOver()
    {
        var key = TestRows.UniqueId("job");
        await _store.TryAcquireAsync(key, "a", provider.Now, provider.Now + 60);

        Assert.True(await _store.TryAcquireAsync(key, "b", provider.Now + 60, provider.Now + 120));
        Assert.False(await _store.TryAcquireAsync(key, "a", provider.Now + 61, provider.Now + 121));
    }

    [ProviderFact]
    public async Task ReleaseAsync_ByFormerOwner_LeavesTheNewOwnersLease()
    {
        var key = TestRows.UniqueId("job");
        await _store.TryAcquireAsync(key, "a", provider.Now, provider.Now + 60);
        await _store.TryAcquireAsync(key, "b", provider.Now + 60, provider.Now + 120);

        await _store.ReleaseAsync(key, "a");

        Assert.False(await _store.TryAcquireAsync(key, "c", provider.Now + 61, provider.Now + 121));
    }

    [ProviderFact]
    public async Task TryAcquireAsync_TenConcurrentOwners_ExactlyOneWins()
    {
        var key = TestRows.UniqueId("job");

        var won = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            Task.Run(() => _store.TryAcquireAsync(key, "owner-" + i, provider.Now, provider.Now + 60))));

        Assert.Single(won, w => w);
    }
}

public sealed class SqliteJobLeaseStoreTests(SqliteProvider provider) : JobLeaseStoreTests<SqliteProvider>(provider);

[Collection(PostgresDefinition.Name)]
public sealed class PostgresJobLeaseStoreTests(PostgresProvider provider) : JobLeaseStoreTests<PostgresProvider>(provider);
