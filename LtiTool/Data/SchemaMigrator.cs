using System.Data.Common;
using System.Reflection;
using Dapper;

namespace LtiTool.Data;

/// <summary>
/// Applies the embedded, numbered schema scripts of the configured provider in order, each in its own transaction,
/// and records the applied versions in <c>schema_version</c>. Safe to run from several instances at once.
/// </summary>
public sealed partial class SchemaMigrator(Database database, TimeProvider timeProvider, ILogger<SchemaMigrator> logger)
{
    private readonly string _databaseDescription = database.Describe();

    private const string ScriptPrefix = "LtiTool.Data.Schema.";

    /// <summary>Applies pending scripts and returns the versions applied by this call.</summary>
    public async Task<IReadOnlyList<int>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            // WAL lets readers proceed beside a writer; the setting is stored in the file.
            await connection.ExecuteAsync("PRAGMA journal_mode=WAL;");
        }

        var applied = new List<int>();
        foreach (var (version, sql) in LoadScripts(database.Dialect.SchemaFolder))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await connection.ExecuteAsync(database.Dialect.ExclusiveLockSql(SqlDialect.Locks.SchemaMigration), transaction: transaction);
            // Created under the lock: two instances creating it at once would collide in PostgreSQL's catalog.
            await connection.ExecuteAsync(
                "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL);", transaction: transaction);
            var done = await connection.ExecuteScalarAsync<int>(
                "SELECT COUNT(*) FROM schema_version WHERE version = @version;", new { version }, transaction);
            if (done > 0)
            {
                continue;
            }

            await connection.ExecuteAsync(sql, transaction: transaction);
            await connection.ExecuteAsync(
                "INSERT INTO schema_version (version, applied_at) VALUES (@version, @now);",
                new { version, now = timeProvider.GetUtcNow().ToUnixTimeSeconds() },
                transaction);
            await transaction.CommitAsync(cancellationToken);
            LogApplied(logger, version, _databaseDescription);
            applied.Add(version);
        }

        return applied;
    }

    /// <summary>The highest schema version the current build ships for a provider folder.</summary>
    public static int LatestVersion(string schemaFolder) => LoadScripts(schemaFolder).Max(s => s.Version);

    private static List<(int Version, string Sql)> LoadScripts(string schemaFolder)
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        var prefix = ScriptPrefix + schemaFolder + ".";
        return assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(prefix, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Select(name => (Version: ParseVersion(name[prefix.Length..]), Sql: ReadResource(assembly, name)))
            .OrderBy(s => s.Version)
            .ToList();
    }

    // Script names are NNN_description.sql; the number is the version.
    private static int ParseVersion(string fileName) =>
        int.Parse(fileName[..fileName.IndexOf('_', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Applied schema version {Version} to {Database}")]
    private static partial void LogApplied(ILogger logger, int version, string database);
}
