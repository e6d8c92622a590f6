using LtiTool.Data;
using LtiTool.Lti.Platforms;

namespace LtiTool.Tests.Data;

public abstract class PlatformStoreTests<TProvider>(TProvider provider) : IClassFixture<TProvider>
    where TProvider : TestDatabaseProvider
{
    private readonly PlatformStore _store = new(provider.Database, provider.Time);

    [ProviderFact]
    public async Task FindAsync_RegisteredIssuerAndClientId_ReturnsTheRegistration()
    {
        var issuer = TestRows.UniqueIssuer();
        var added = await _store.AddAsync(TestRows.Registration(issuer, "client-1", "deployment-1") with { TokenAudience = "https://audience.example" });

        var found = await _store.FindAsync(issuer, "client-1");

        Assert.Equal(added, found);
        Assert.Equal(new(added.Id, issuer, "client-1", issuer + "/auth", issuer + "/token", "https://audience.example", issuer + "/jwks"), found);
    }

    [ProviderTheory]
    [InlineData("issuer in upper case")]
    [InlineData("issuer with a trailing slash")]
    [InlineData("client id in upper case")]
    [InlineData("client id with a trailing space")]
    public async Task FindAsync_NotExactlyTheRegisteredPair_ReturnsNull(string variant)
    {
        var issuer = TestRows.UniqueIssuer();
        await _store.AddAsync(TestRows.Registration(issuer, "client-a", "deployment-1"));
        var (askedIssuer, askedClientId) = variant switch
        {
            "issuer in upper case" => (issuer.ToUpperInvariant(), "client-a"),
            "issuer with a trailing slash" => (issuer + "/", "client-a"),
            "client id in upper case" => (issuer, "CLIENT-A"),
            "client id with a trailing space" => (issuer, "client-a "),
            _ => throw new ArgumentOutOfRangeException(nameof(variant), variant, null),
        };

        var found = await _store.FindAsync(askedIssuer, askedClientId);

        Assert.Null(found);
    }

    [ProviderFact]
    public async Task FindByIssuerAsync_TwoClientIds_ReturnsBothInRegistrationOrder()
    {
        var issuer = TestRows.UniqueIssuer();
        var first = await _store.AddAsync(TestRows.Registration(issuer, "client-b", "deployment-1"));
        var second = await _store.AddAsync(TestRows.Registration(issuer, "client-a", "deployment-1"));
        await _store.AddAsync(TestRows.Registration(TestRows.UniqueIssuer(), "client-a", "deployment-1"));

        var found = await _store.FindByIssuerAsync(issuer);

        Assert.Equal([first, second], found);
    }

    [ProviderFact]
    public async Task AddAsync_SameIssuerAndClientIdAgain_KeepsEndpointsAndAddsDeployments()
    {
        var issuer = TestRows.UniqueIssuer();
        var original = await _store.AddAsync(TestRows.Registration(issuer, "client-1", "deployment-1"));
        var hijack = new PlatformRegistration(
            issuer, "client-1", "https://evil.example/auth", "https://evil.example/token", "https://evil.example", "https://evil.example/jwks", ["deployment-1", "deployment-2"]);

        var again = await _store.AddAsync(hijack);

        Assert.Equal(original, again);
        Assert.Equal(original, await _store.GetAsync(original.Id));
        Assert.Equal(["deployment-1", "deployment-2"], await _store.ListDeploymentsAsync(original.Id));
    }

    [ProviderFact]
    public async Task IsDeploymentRegisteredAsync_OnlyTheRegisteredPair_ReturnsTrue()
    {
        var platform = await provider.AddPlatformAsync("deployment-1");
        var other = await provider.AddPlatformAsync("deployment-2");

        var registered = await _store.IsDeploymentRegisteredAsync(platform.Id, "deployment-1");
        var otherPlatformsDeployment = await _store.IsDeploymentRegisteredAsync(platform.Id, "deployment-2");
        var differentCase = await _store.IsDeploymentRegisteredAsync(platform.Id, "DEPLOYMENT-1");

        Assert.True(registered);
        Assert.False(otherPlatformsDeployment);
        Assert.False(differentCase);
        Assert.True(await _store.IsDeploymentRegisteredAsync(other.Id, "deployment-2"));
    }

    [ProviderFact]
    public async Task RemoveAsync_PlatformWithData_DeletesEverythingScopedToItAndNothingElse()
    {
        var removedPlatform = await provider.AddPlatformAsync("deployment-1");
        var keptPlatform = await provider.AddPlatformAsync("deployment-1");
        var removedSession = await AddLoginAndLaunchAsync(removedPlatform.Id);
        var keptSession = await AddLoginAndLaunchAsync(keptPlatform.Id);

        var removed = await _store.RemoveAsync(removedPlatform.Issuer, removedPlatform.ClientId);

        Assert.True(removed);
        Assert.Null(await _store.GetAsync(removedPlatform.Id));
        Assert.Equal(new long[] { 0, 0, 0, 0, 0, 0, 0 }, await CountScopedRowsAsync(removedPlatform.Id, removedSession));
        Assert.Equal(new long[] { 1, 1, 1, 1, 1, 1, 1 }, await CountScopedRowsAsync(keptPlatform.Id, keptSession));
    }

    [ProviderFact]
    public async Task RemoveAsync_UnknownRegistration_ReturnsFalse()
    {
        var platform = await provider.AddPlatformAsync("deployment-1");

        var removed = await _store.RemoveAsync(platform.Issuer, "another-client");

        Assert.False(removed);
        Assert.NotNull(await _store.GetAsync(platform.Id));
    }

    [ProviderTheory]
    [MemberData(nameof(UntrustedText.Names), MemberType = typeof(UntrustedText))]
    public async Task AddAsync_UntrustedText_RoundTripsExactly(string name)
    {
        var (id, text) = (UntrustedText.GetId(name), UntrustedText.Get(name));
        var registration = new PlatformRegistration(id, id, text, text, text, text, [id]);

        var added = await _store.AddAsync(registration);

        Assert.Equal(new(added.Id, id, id, text, text, text, text), await _store.FindAsync(id, id));
        Assert.Equal([added], await _store.FindByIssuerAsync(id));
        Assert.Equal([id], await _store.ListDeploymentsAsync(added.Id));
        Assert.True(await provider.SchemaIsIntactAsync());
    }

    private async Task<string> AddLoginAndLaunchAsync(long platformId)
    {
        await new LoginStateStore(provider.Database).SaveAsync(TestRows.LoginState(platformId, TestRows.UniqueId("state"), provider.Now, provider.Now + 600));
        var launch = TestRows.Launch(platformId, provider.Now);
        var session = TestRows.Session(launch, provider.Now + 3600);
        Assert.True(await new LaunchStore(provider.Database).SaveAsync(launch, TestRows.UniqueId("nonce"), provider.Now + 600, session));
        return session.Id;
    }

    // Rows scoped to one platform, in a fixed order: deployments, login states, used nonces, users, contexts, launches, the session.
    private async Task<long[]> CountScopedRowsAsync(long platformId, string sessionId) =>
    [
        await provider.CountAsync("SELECT COUNT(*) FROM deployments WHERE platform_id = @platformId;", new { platformId }),
        await provider.CountAsync("SELECT COUNT(*) FROM login_states WHERE platform_id = @platformId;", new { platformId }),
        await provider.CountAsync("SELECT COUNT(*) FROM used_nonces WHERE platform_id = @platformId;", new { platformId }),
        await provider.CountAsync("SELECT COUNT(*) FROM users WHERE platform_id = @platformId;", new { platformId }),
        await provider.CountAsync("SELECT COUNT(*) FROM contexts WHERE platform_id = @platformId;", new { platformId }),
        await provider.CountAsync("SELECT COUNT(*) FROM launches WHERE platform_id = @platformId;", new { platformId }),
        await provider.CountAsync("SELECT COUNT(*) FROM tool_sessions WHERE id = @sessionId;", new { sessionId }),
    ];
}

public sealed class SqlitePlatformStoreTests(SqliteProvider provider) : PlatformStoreTests<SqliteProvider>(provider);

[Collection(PostgresDefinition.Name)]
public sealed class PostgresPlatformStoreTests(PostgresProvider provider) : PlatformStoreTests<PostgresProvider>(provider);
