using LtiTool.Data;

namespace LtiTool.Tests.Data;

public abstract class SchemaMigratorTests<TProvider>(TProvider provider) : IClassFixture<TProvider>
    where TProvider : TestDatabaseProvider
{
    [ProviderFact]
    public async Task MigrateAsync_EmptyDatabase_AppliesEveryVersionFromOneInOrder()
    {
        var database = await provider.CreateEmptyDatabaseAsync();

        var applied = await provider.Migrator(database).MigrateAsync();

        Assert.Equal(1, applied[0]);
        Assert.Equal(Enumerable.Range(1, SchemaMigrator.LatestVersion(database.Dialect.SchemaFolder)), applied);
    }

    [ProviderFact]
    public async Task MigrateAsync_SecondRun_AppliesNothing()
    {
        var database = await provider.CreateEmptyDatabaseAsync();
        await provider.Migrator(database).MigrateAsync();

        var applied = await provider.Migrator(database).MigrateAsync();

        Assert.Empty(applied);
    }

    [ProviderFact]
    public async Task MigrateAsync_ConcurrentRuns_ApplyEachVersionOnce()
    {
        var database = await provider.CreateEmptyDatabaseAsync();

        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => provider.Migrator(database).MigrateAsync())));

        var latest = SchemaMigrator.LatestVersion(database.Dialect.SchemaFolder);
        Assert.Equal(Enumerable.Range(1, latest), runs.SelectMany(applied => applied).Order());
    }

    [ProviderFact]
    public async Task LatestVersion_MigratedDatabase_IsTheRecordedVersion()
    {
        var recorded = await provider.CountAsync("SELECT MAX(version) FROM schema_version;");

        Assert.Equal(SchemaMigrator.LatestVersion(provider.Database.Dialect.SchemaFolder), recorded);
    }
}

public sealed class SqliteSchemaMigratorTests(SqliteProvider provider) : SchemaMigratorTests<SqliteProvider>(provider);

[Collection(PostgresDefinition.Name)]
public sealed class PostgresSchemaMigratorTests(PostgresProvider provider) : SchemaMigratorTests<PostgresProvider>(provider);
