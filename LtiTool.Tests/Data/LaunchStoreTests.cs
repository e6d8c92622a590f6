using System.Data.Common;
using LtiTool.Data;
using LtiTool.Lti.Launch;

namespace LtiTool.Tests.Data;

public abstract class LaunchStoreTests<TProvider>(TProvider provider) : IClassFixture<TProvider>
    where TProvider : TestDatabaseProvider
{
    private readonly LaunchStore _store = new(provider.Database);

    [ProviderFact]
    public async Task SaveAsync_NewLaunch_StoresLaunchNonceSessionUserAndContext()
    {
        var platform = await provider.AddPlatformAsync("deployment-1");
        var launch = TestRows.Launch(platform.Id, provider.Now, subject: TestRows.UniqueId("user"));
        var session = TestRows.Session(launch, provider.Now + 3600);

        var saved = await _store.SaveAsync(launch, "nonce-1", provider.Now + 600, session);

        Assert.True(saved);
        Assert.Equivalent(launch, await _store.FindAsync(launch.Id), strict: true);
        Assert.True(await _store.IsNonceUsedAsync(platform.Id, "nonce-1"));
        Assert.Equivalent(launch, await _store.FindBySessionAsync(session.Id, provider.Now), strict: true);
        Assert.Equal(1, await CountUserAsync(launch, "Ada Lovelace"));
        Assert.Equal(1, await CountContextAsync(launch, "Ada Lovelace"));
    }

    [ProviderFact]
    public async Task SaveAsync_SameNonceAgain_ReturnsFalseAndStoresNothingMore()
    {
        var platform = await provider.AddPlatformAsync("deployment-1");
        var first = TestRows.Launch(platform.Id, provider.Now);
        await _store.SaveAsync(first, "nonce-1", provider.Now + 600, TestRows.Session(first, provider.Now + 3600));
        var launchesBefore = await _store.CountAsync();
        var replay = TestRows.Launch(platform.Id, provider.Now + 1, subject: TestRows.UniqueId("user"));
        var replaySession = TestRows.Session(replay, provider.Now + 3600);

        var saved = await _store.SaveAsync(replay, "nonce-1", provider.Now + 600, replaySession);

        Assert.False(saved);
        Assert.Equal(launchesBefore, await _store.CountAsync());
        Assert.Null(await _store.FindAsync(replay.Id));
        Assert.Null(await _store.FindBySessionAsync(replaySession.Id, provider.Now));
        Assert.Equal(0, await CountUserAsync(replay, "Ada Lovelace"));
    }

    [ProviderFact]
    public async Task SaveAsync_SameNonceOnAnotherPlatform_IsStored()
    {
        var platform = await provider.AddPlatformAsync("deployment-1");
        var other = await provider.AddPlatformAsync("deployment-1");
        var first = TestRows.Launch(platform.Id, provider.Now);
        await _store.SaveAsync(first, "shared-nonce", provider.Now + 600, TestRows.Session(first, provider.Now + 3600));
        var second = TestRows.Launch(other.Id, provider.Now);

        var saved = await _store.SaveAsync(second, "shared-nonce", provider.Now + 600, TestRows.Session(second, provider.Now + 3600));

        Assert.True(saved);
        Assert.NotNull(await _store.FindAsync(second.Id));
    }

    [ProviderFact]
    public async Task SaveAsync_TwoConcurrentPostsOfOneNonce_ExactlyOneIsStored()
    {
        var platform = await provider.AddPlatformAsync("deployment-1");
        var launches = Enumerable.Range(0, 2).Select(_ => TestRows.Launch(platform.Id, provider.Now)).ToList();

        var saved = await Task.WhenAll(launches.Select(launch =>
            Task.Run(() => _store.SaveAsync(launch, "raced-nonce", provider.Now + 600, TestRows.Session(launch, provider.Now + 3600)))));

        Assert.Single(saved, won => won);
        var stored = await Task.WhenAll(launches.Select(launch => _store.FindAsync(launch.Id)));
        Assert.Single(stored, launch => launch is not null);
    }

    [ProviderFact]
    public async Task SaveAsync_LaterInsertFails_RollsBackTheLaunchAndTheNonce()
    {
        var platform = await provider.AddPlatformAsync("deployment-1");
        var first = TestRows.Launch(platform.Id, provider.Now);
        var takenSession = TestRows.Session(first, provider.Now + 3600);
        await _store.SaveAsync(first, TestRows.UniqueId("nonce"), provider.Now + 600, takenSession);
        var second = TestRows.Launch(platform.Id, provider.Now, subject: TestRows.UniqueId("user"));
        var nonce = TestRows.UniqueId("nonce");

        // The session id is taken, so the last insert of the transaction fails.
        await Assert.ThrowsAnyAsync<DbException>(() => _store.SaveAsync(second, nonce, provider.Now + 600, takenSession with { LaunchId = second.Id }));

        Assert.Null(await _store.FindAsync(second.Id));
        Assert.False(await _store.IsNonceUsedAsync(platform.Id, nonce));
        Assert.Equal(0, await CountUserAsync(second, "Ada Lovelace"));
    }

    [ProviderTheory]
    [InlineData(-1, true)]
    [InlineData(0, false)]
    [InlineData(1, false)]
    public async Task FindBySessionAsync_AroundExpiry_ReturnsTheLaunchOnlyBeforeIt(long secondsFromExpiry, bool found)
    {
        var platform = await provider.AddPlatformAsync("deployment-1");
        var launch = TestRows.Launch(platform.Id, provider.Now);
        var session = TestRows.Session(launch, provider.Now + 3600);
        await _store.SaveAsync(launch, TestRows.UniqueId("nonce"), provider.Now + 600, session);

        var result = await _store.FindBySessionAsync(session.Id, session.ExpiresAt + secondsFromExpiry);

        Assert.Equal(found, result is not null);
    }

    [ProviderFact]
    public async Task FindAsync_LaunchWithoutOptionalParts_RoundTripsTheNulls()
    {
        var platform = await provider.AddPlatformAsync("deployment-1");
        var launch = TestRows.Launch(platform.Id, provider.Now, text: null) with
        {
            Course = null,
            ResourceLink = null,
            DeepLinking = null,
            PlatformInfo = null,
            Role = LaunchRole.Instructor,
            Roles = [],
            Custom = new Dictionary<string, string>(),
        };
        await _store.SaveAsync(launch, TestRows.UniqueId("nonce"), provider.Now + 600, TestRows.Session(launch, provider.Now + 3600));

        var found = await _store.FindAsync(launch.Id);

        Assert.Equivalent(launch, found, strict: true);
    }

    [ProviderTheory]
    [MemberData(nameof(UntrustedText.Names), MemberType = typeof(UntrustedText))]
    public async Task SaveAsync_UntrustedText_RoundTripsExactly(string name)
    {
        var (id, text) = (UntrustedText.GetId(name), UntrustedText.Get(name));
        var platform = await provider.AddPlatformAsync(id);
        var launch = TestRows.Launch(platform.Id, provider.Now, subject: id, text: text) with { DeploymentId = id, Roles = [text] };
        var session = TestRows.Session(launch, provider.Now + 3600);

        var saved = await _store.SaveAsync(launch, id, provider.Now + 600, session);

        Assert.True(saved);
        Assert.Equivalent(launch, await _store.FindBySessionAsync(session.Id, provider.Now), strict: true);
        Assert.True(await _store.IsNonceUsedAsync(platform.Id, id));
        Assert.Equal(1, await CountUserAsync(launch, text));
        Assert.Equal(1, await CountContextAsync(launch, text));
        Assert.True(await provider.SchemaIsIntactAsync());
    }

    private Task<long> CountUserAsync(LtiLaunch launch, string displayName) => provider.CountAsync(
        "SELECT COUNT(*) FROM users WHERE platform_id = @PlatformId AND subject = @Subject AND display_name = @displayName;",
        new { launch.PlatformId, launch.Subject, displayName });

    private Task<long> CountContextAsync(LtiLaunch launch, string title) => provider.CountAsync(
        "SELECT COUNT(*) FROM contexts WHERE platform_id = @PlatformId AND deployment_id = @DeploymentId AND context_id = @contextId AND title = @title;",
        new { launch.PlatformId, launch.DeploymentId, contextId = launch.Course!.Id, title });
}

public sealed class SqliteLaunchStoreTests(SqliteProvider provider) : LaunchStoreTests<SqliteProvider>(provider);

[Collection(PostgresDefinition.Name)]
public sealed class PostgresLaunchStoreTests(PostgresProvider provider) : LaunchStoreTests<PostgresProvider>(provider);
