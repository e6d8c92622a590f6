using LtiTool.Data;
using LtiTool.Lti.Login;

namespace LtiTool.Tests.Data;

public abstract class LoginStateStoreTests<TProvider>(TProvider provider) : IClassFixture<TProvider>
    where TProvider : TestDatabaseProvider
{
    private readonly LoginStateStore _store = new(provider.Database);

    [ProviderFact]
    public async Task FindAsync_SavedState_ReturnsItUnchanged()
    {
        var platform = await provider.AddPlatformAsync("deployment-1");
        var state = TestRows.LoginState(platform.Id, TestRows.UniqueId("state"), provider.Now, provider.Now + 600) with { StorageTarget = "_parent" };
        await _store.SaveAsync(state);

        var found = await _store.FindAsync(state.State);

        Assert.Equal(state, found);
    }

    [ProviderFact]
    public async Task FindAsync_UnknownState_ReturnsNull()
    {
        var found = await _store.FindAsync(TestRows.UniqueId("state"));

        Assert.Null(found);
    }

    [ProviderFact]
    public async Task TryConsumeAsync_UnusedState_SucceedsOnceAndRecordsTheTime()
    {
        var platform = await provider.AddPlatformAsync("deployment-1");
        var state = TestRows.LoginState(platform.Id, TestRows.UniqueId("state"), provider.Now, provider.Now + 600);
        await _store.SaveAsync(state);

        var first = await _store.TryConsumeAsync(state.State, provider.Now + 5);
        var second = await _store.TryConsumeAsync(state.State, provider.Now + 6);

        Assert.True(first);
        Assert.False(second);
        Assert.Equal(provider.Now + 5, (await _store.FindAsync(state.State))!.ConsumedAt);
    }

    [ProviderFact]
    public async Task TryConsumeAsync_TwoConcurrentCalls_ExactlyOneWins()
    {
        var platform = await provider.AddPlatformAsync("deployment-1");
        var states = Enumerable.Range(0, 10).Select(_ => TestRows.UniqueId("state")).ToList();
        foreach (var state in states)
        {
            await _store.SaveAsync(TestRows.LoginState(platform.Id, state, provider.Now, provider.Now + 600));
        }

        // Ten races, each of two launches posting the same state.
        var results = await Task.WhenAll(states.Select(state => Task.WhenAll(
            Task.Run(() => _store.TryConsumeAsync(state, provider.Now)),
            Task.Run(() => _store.TryConsumeAsync(state, provider.Now)))));

        Assert.All(results, race => Assert.Single(race, won => won));
    }

    [ProviderTheory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task TryConsumeAsync_ExpiredState_ReturnsFalseAndLeavesItUnused(long secondsAfterExpiry)
    {
        var platform = await provider.AddPlatformAsync("deployment-1");
        var state = TestRows.LoginState(platform.Id, TestRows.UniqueId("state"), provider.Now - 600, provider.Now);
        await _store.SaveAsync(state);

        var consumed = await _store.TryConsumeAsync(state.State, provider.Now + secondsAfterExpiry);

        Assert.False(consumed);
        Assert.Null((await _store.FindAsync(state.State))!.ConsumedAt);
    }

    [ProviderFact]
    public async Task PurgeExpiredAsync_MixedRows_RemovesExpiredStatesAndNoncesOnly()
    {
        // A database of its own: the purge is global and the count it returns must be this test's rows alone.
        var database = await provider.CreateMigratedDatabaseAsync();
        var store = new LoginStateStore(database);
        var launches = new LaunchStore(database);
        var platform = await provider.AddPlatformAsync(database, "deployment-1");
        var now = provider.Now;
        await store.SaveAsync(TestRows.LoginState(platform.Id, "expired", now - 700, now - 100));
        await store.SaveAsync(TestRows.LoginState(platform.Id, "expires-now", now - 600, now));
        await store.SaveAsync(TestRows.LoginState(platform.Id, "live", now, now + 600));
        var oldLaunch = TestRows.Launch(platform.Id, now - 700);
        await launches.SaveAsync(oldLaunch, "old-nonce", now - 100, TestRows.Session(oldLaunch, now + 3600));
        var newLaunch = TestRows.Launch(platform.Id, now);
        await launches.SaveAsync(newLaunch, "new-nonce", now + 600, TestRows.Session(newLaunch, now + 3600));

        var removed = await store.PurgeExpiredAsync(now);

        Assert.Equal(3, removed);
        Assert.Null(await store.FindAsync("expired"));
        Assert.Null(await store.FindAsync("expires-now"));
        Assert.NotNull(await store.FindAsync("live"));
        Assert.False(await launches.IsNonceUsedAsync(platform.Id, "old-nonce"));
        Assert.True(await launches.IsNonceUsedAsync(platform.Id, "new-nonce"));
        Assert.Equal(2, await launches.CountAsync());
    }

    [ProviderTheory]
    [MemberData(nameof(UntrustedText.Names), MemberType = typeof(UntrustedText))]
    public async Task SaveAsync_UntrustedText_RoundTripsExactly(string name)
    {
        var (id, text) = (UntrustedText.GetId(name), UntrustedText.Get(name));
        var platform = await provider.AddPlatformAsync("deployment-1");
        var state = new LoginState(
            id, platform.Id, id, id, text, text, text, text, text, provider.Now, provider.Now + 600, null);

        await _store.SaveAsync(state);

        Assert.Equal(state, await _store.FindAsync(id));
        Assert.True(await _store.TryConsumeAsync(id, provider.Now));
        Assert.True(await provider.SchemaIsIntactAsync());
    }
}

public sealed class SqliteLoginStateStoreTests(SqliteProvider provider) : LoginStateStoreTests<SqliteProvider>(provider);

[Collection(PostgresDefinition.Name)]
public sealed class PostgresLoginStateStoreTests(PostgresProvider provider) : LoginStateStoreTests<PostgresProvider>(provider);
