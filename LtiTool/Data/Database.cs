using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace LtiTool.Data;

/// <summary>Opens connections for the configured provider; the one place that knows the connection string.</summary>
public sealed class Database
{
    private readonly string _connectionString;

    public Database(IOptions<DatabaseOptions> options, IHostEnvironment environment)
        : this(options.Value, environment.ContentRootPath)
    {
    }

    public Database(DatabaseOptions options, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(options);
        Provider = options.Provider;
        Dialect = SqlDialect.For(options.Provider);
        _connectionString = ResolveConnectionString(options, contentRoot);
    }

    public DatabaseProvider Provider { get; }

    public SqlDialect Dialect { get; }

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        var connection = Dialect.CreateConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Where the data lives, without secrets, for logs and the CLI.</summary>
    public string Describe() => Provider switch
    {
        DatabaseProvider.Sqlite => "SQLite " + new SqliteConnectionStringBuilder(_connectionString).DataSource,
        _ => "PostgreSQL " + new Npgsql.NpgsqlConnectionStringBuilder(_connectionString) { Password = null }.Host,
    };

    private static string ResolveConnectionString(DatabaseOptions options, string contentRoot)
    {
        if (options.Provider == DatabaseProvider.Postgres)
        {
            return string.IsNullOrWhiteSpace(options.ConnectionString)
                ? throw new InvalidOperationException("LTI1001: Database:ConnectionString is required when Database:Provider is Postgres.")
                : options.ConnectionString;
        }

        var builder = string.IsNullOrWhiteSpace(options.ConnectionString)
            ? new SqliteConnectionStringBuilder { DataSource = DefaultSqlitePath(contentRoot) }
            : new SqliteConnectionStringBuilder(options.ConnectionString);
        builder.ForeignKeys = true;
        // Busy timeout: WAL lets readers run beside one writer; writers wait instead of failing at once.
        builder.DefaultTimeout = 30;
        builder.Pooling = true;
        var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (directory is not null && builder.Mode != SqliteOpenMode.Memory)
        {
            Directory.CreateDirectory(directory);
        }

        return builder.ToString();
    }

    private static string DefaultSqlitePath(string contentRoot)
    {
        var dataDirectory = Environment.GetEnvironmentVariable(DatabaseOptions.DataDirectoryVariable);
        var folder = string.IsNullOrWhiteSpace(dataDirectory) ? Path.Combine(contentRoot, "App_Data") : dataDirectory;
        return Path.Combine(folder, "edurec.db");
    }
}
