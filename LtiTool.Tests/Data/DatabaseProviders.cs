using System.Data.Common;
using Dapper;
using LtiTool.Data;
using LtiTool.Lti.Platforms;
using LtiTool.Tests.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace LtiTool.Tests.Data;

/// <summary>
/// One database provider under test, used as a class fixture: every test class gets a fresh database, migrated to the
/// latest schema (<see cref="Database"/>), and can ask for more empty ones. Store tests are written once in a generic
/// base <c>XTests&lt;TProvider&gt;</c> and run per provider by one sealed class each, as Dapper's tests do.
/// </summary>
public abstract class TestDatabaseProvider : IAsyncLifetime
{
    private Database? _database;

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

    /// <summary>The fake clock in Unix seconds, the unit of every time column.</summary>
    public long Now => Time.GetUtcNow().ToUnixTimeSeconds();

    /// <summary>This test class's database, at the latest schema version.</summary>
    public Database Database => _database ?? throw new InvalidOperationException("The provider is not available on this machine.");

    protected abstract bool IsAvailable { get; }

    /// <summary>Why tests of this test class are skipped here, from the provider it uses as class fixture; null when they run.</summary>
    public static string? SkipReasonFor(Type testClass) => IsPostgres(testClass) ? PostgresCluster.SkipReason : null;

    /// <summary>True when the test class runs on <see cref="PostgresProvider"/>.</summary>
    public static bool IsPostgres(Type testClass)
    {
        ArgumentNullException.ThrowIfNull(testClass);
        return testClass.GetInterfaces()
            .Where(type => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IClassFixture<>))
            .Any(type => typeof(PostgresProvider).IsAssignableFrom(type.GetGenericArguments()[0]));
    }

    public async Task InitializeAsync()
    {
        if (IsAvailable)
        {
            _database = await CreateMigratedDatabaseAsync();
        }
    }

    public abstract Task DisposeAsync();

    /// <summary>A new database without any table, removed with the fixture.</summary>
    public abstract Task<Database> CreateEmptyDatabaseAsync();

    /// <summary>A new database at the latest schema, for tests of tables that are global rather than per platform.</summary>
    public async Task<Database> CreateMigratedDatabaseAsync()
    {
        var database = await CreateEmptyDatabaseAsync();
        await Migrator(database).MigrateAsync();
        return database;
    }

    public SchemaMigrator Migrator(Database database) => new(database, Time, NullLogger<SchemaMigrator>.Instance);

    /// <summary>Runs a <c>SELECT COUNT(*)</c> on this class's database, for checks the stores have no query for.</summary>
    public async Task<long> CountAsync(string countSql, object? parameters = null)
    {
        await using var connection = await Database.OpenAsync();
        return await connection.ExecuteScalarAsync<long>(countSql, parameters);
    }

    /// <summary>False when a table of the schema is gone, as injected SQL such as <c>DROP TABLE</c> would leave it.</summary>
    public async Task<bool> SchemaIsIntactAsync(Database? database = null)
    {
        string[] tables = ["platforms", "deployments", "tool_keys", "data_protection_keys", "login_states", "used_nonces", "users", "contexts", "launches", "tool_sessions"];
        await using var connection = await (database ?? Database).OpenAsync();
        foreach (var table in tables)
        {
            try
            {
                await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table};");
            }
            catch (DbException)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Registers a platform with a unique issuer, so tests sharing the class database never meet.</summary>
    public Task<Platform> AddPlatformAsync(params string[] deploymentIds) => AddPlatformAsync(Database, deploymentIds);

    public Task<Platform> AddPlatformAsync(Database database, params string[] deploymentIds) =>
        new PlatformStore(database, Time).AddAsync(TestRows.Registration(TestRows.UniqueIssuer(), "client-1", deploymentIds));
}

/// <summary>SQLite files in a temporary folder, as the tool uses them on one machine (WAL, foreign keys on).</summary>
public sealed class SqliteProvider : TestDatabaseProvider
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "edurec-sqlite-" + Guid.NewGuid().ToString("N"));

    protected override bool IsAvailable => true;

    public override Task<Database> CreateEmptyDatabaseAsync()
    {
        Directory.CreateDirectory(_directory);
        var file = Path.Combine(_directory, Guid.NewGuid().ToString("N") + ".db");
        return Task.FromResult(new Database(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={file}" }, _directory));
    }

    public override Task DisposeAsync()
    {
        // Pooled connections hold the files open.
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }

        return Task.CompletedTask;
    }
}

/// <summary>Databases on the run's <see cref="PostgresCluster"/>, dropped when the test class ends.</summary>
public sealed class PostgresProvider(PostgresCluster cluster) : TestDatabaseProvider
{
    private readonly List<string> _connectionStrings = [];

    protected override bool IsAvailable => cluster.IsRunning;

    public override async Task<Database> CreateEmptyDatabaseAsync()
    {
        var connectionString = await cluster.CreateDatabaseAsync();
        _connectionStrings.Add(connectionString);
        return new Database(new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = connectionString }, Path.GetTempPath());
    }

    public override async Task DisposeAsync()
    {
        foreach (var connectionString in _connectionStrings)
        {
            await cluster.DropDatabaseAsync(connectionString);
        }
    }
}

/// <summary>PostgreSQL test classes share one cluster for the whole run.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresDefinition : ICollectionFixture<PostgresCluster>
{
    public const string Name = "PostgreSQL";
}
