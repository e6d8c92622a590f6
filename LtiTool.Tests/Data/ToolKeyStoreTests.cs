using System.Data.Common;
using LtiTool.Data;
using LtiTool.Lti.Keys;

namespace LtiTool.Tests.Data;

// Tool keys are global, not per platform: every test takes a database of its own.
public abstract class ToolKeyStoreTests<TProvider>(TProvider provider) : IClassFixture<TProvider>
    where TProvider : TestDatabaseProvider
{
    [ProviderFact]
    public async Task UpdateAsync_InsertsStatusChangesAndDeletes_AppliesThemAll()
    {
        var store = await SeededStoreAsync(Key("k0", ToolKeyRecord.Retired, 100), Key("k1", ToolKeyRecord.Current, 200), Key("k2", ToolKeyRecord.Next, 300));

        await store.UpdateAsync(keys => new ToolKeyChanges(
            [Key("k3", ToolKeyRecord.Next, 400)],
            [("k2", ToolKeyRecord.Current, null), ("k1", ToolKeyRecord.Retired, 400)],
            ["k0"]));

        Assert.Equal(
            [Key("k1", ToolKeyRecord.Retired, 200) with { RetiredAt = 400 }, Key("k2", ToolKeyRecord.Current, 300), Key("k3", ToolKeyRecord.Next, 400)],
            await store.ListAsync());
    }

    [ProviderFact]
    public async Task UpdateAsync_ChangeSeesTheStoredKeys_InCreationOrder()
    {
        var seeded = new[] { Key("b", ToolKeyRecord.Current, 100), Key("a", ToolKeyRecord.Next, 200) };
        var store = await SeededStoreAsync(seeded);
        IReadOnlyList<ToolKeyRecord>? seen = null;

        await store.UpdateAsync(keys =>
        {
            seen = keys;
            return ToolKeyChanges.None;
        });

        Assert.Equal(seeded, seen);
    }

    [ProviderFact]
    public async Task UpdateAsync_OneChangeFails_AppliesNone()
    {
        var store = await SeededStoreAsync(Key("k1", ToolKeyRecord.Current, 100), Key("k2", ToolKeyRecord.Next, 200));
        var before = await store.ListAsync();

        // The second status breaks the CHECK constraint after an insert and a status change have run.
        await Assert.ThrowsAnyAsync<DbException>(() => store.UpdateAsync(keys => new ToolKeyChanges(
            [Key("k3", ToolKeyRecord.Next, 300)],
            [("k2", ToolKeyRecord.Current, null), ("k1", "revoked", 300)],
            ["k1"])));

        Assert.Equal(before, await store.ListAsync());
    }

    [ProviderFact]
    public async Task UpdateAsync_ConcurrentUpdates_EachSeesThePreviousOnesKeys()
    {
        var store = await SeededStoreAsync();

        // Each update names its key by the count it sees: without the exclusive lock two would insert the same kid.
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => store.UpdateAsync(keys =>
            new ToolKeyChanges([Key("k" + keys.Count, ToolKeyRecord.Next, 100 + keys.Count)], [], [])))));

        Assert.Equal(["k0", "k1", "k2", "k3"], (await store.ListAsync()).Select(key => key.Kid));
    }

    [ProviderTheory]
    [MemberData(nameof(UntrustedText.Names), MemberType = typeof(UntrustedText))]
    public async Task UpdateAsync_UntrustedText_RoundTripsExactly(string name)
    {
        var database = await provider.CreateMigratedDatabaseAsync();
        var store = new ToolKeyStore(database);
        var key = new ToolKeyRecord(UntrustedText.GetId(name), ToolKeyRecord.Current, 100, null, UntrustedText.Get(name), UntrustedText.Get(name));

        await store.UpdateAsync(keys => new ToolKeyChanges([key], [], []));

        Assert.Equal([key], await store.ListAsync());
        Assert.True(await provider.SchemaIsIntactAsync(database));
    }

    private static ToolKeyRecord Key(string kid, string status, long createdAt) =>
        new(kid, status, createdAt, status == ToolKeyRecord.Retired ? createdAt + 1 : null, "{\"kid\":\"" + kid + "\"}", "protected-" + kid);

    private async Task<ToolKeyStore> SeededStoreAsync(params ToolKeyRecord[] keys)
    {
        var store = new ToolKeyStore(await provider.CreateMigratedDatabaseAsync());
        await store.UpdateAsync(_ => new ToolKeyChanges(keys, [], []));
        return store;
    }
}

public sealed class SqliteToolKeyStoreTests(SqliteProvider provider) : ToolKeyStoreTests<SqliteProvider>(provider);

[Collection(PostgresDefinition.Name)]
public sealed class PostgresToolKeyStoreTests(PostgresProvider provider) : ToolKeyStoreTests<PostgresProvider>(provider);
