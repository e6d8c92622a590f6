using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace LtiTool.Data;

/// <summary>
/// The few things that differ between the database providers. Everything else (ON CONFLICT upserts, RETURNING,
/// LIMIT) is the same SQL on SQLite ≥ 3.35 and PostgreSQL, so the stores share one SQL text per query.
/// A SQL Server provider would add a dialect here and its own schema folder.
/// </summary>
public abstract class SqlDialect
{
    /// <summary>Lock ids of the critical sections that must run on one instance at a time.</summary>
    public static class Locks
    {
        public const long SchemaMigration = 7_163_001;
        public const long ToolKeys = 7_163_002;
    }

    /// <summary>Folder of the embedded schema scripts under <c>Data/Schema/</c>.</summary>
    public abstract string SchemaFolder { get; }

    public abstract DbConnection CreateConnection(string connectionString);

    /// <summary>Rows per statement when <see cref="MultiRowInsert"/> writes many rows.</summary>
    public abstract int RowsPerInsert { get; }

    /// <summary>True when the exception reports a primary key or unique constraint violation.</summary>
    public abstract bool IsUniqueViolation(DbException exception);

    /// <summary>SQL that serialises a critical section (by a fixed lock id) between instances until the transaction ends.</summary>
    public abstract string ExclusiveLockSql(long lockId);

    public static SqlDialect For(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => new SqliteDialect(),
        DatabaseProvider.Postgres => new PostgresDialect(),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider."),
    };
}

public sealed class SqliteDialect : SqlDialect
{
    // SQLITE_CONSTRAINT_PRIMARYKEY (1555) and SQLITE_CONSTRAINT_UNIQUE (2067) are extended codes of SQLITE_CONSTRAINT (19).
    private const int SqliteConstraint = 19;

    public override string SchemaFolder => "sqlite";

    public override DbConnection CreateConnection(string connectionString) => new SqliteConnection(connectionString);

    // SQLite runs in process, so a statement prepared once and re-run per row is its fastest path. Wide statements
    // cost more than they save: binding by name is linear in the statement's parameter count.
    public override int RowsPerInsert => 1;

    public override bool IsUniqueViolation(DbException exception) =>
        exception is SqliteException { SqliteErrorCode: SqliteConstraint } sqlite
        && sqlite.SqliteExtendedErrorCode is 1555 or 2067;

    // Microsoft.Data.Sqlite starts transactions with BEGIN IMMEDIATE, which already takes the database's write lock.
    public override string ExclusiveLockSql(long lockId) => "SELECT 1;";
}

public sealed class PostgresDialect : SqlDialect
{
    public override string SchemaFolder => "postgres";

    // Every statement is a round trip to the server. 500 rows of a few parameters each stay far below PostgreSQL's
    // limit of 65,535 bind parameters per statement.
    public override int RowsPerInsert => 500;

    public override DbConnection CreateConnection(string connectionString) => new NpgsqlConnection(connectionString);

    public override bool IsUniqueViolation(DbException exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    // A transaction-scoped advisory lock: released at commit, so a crashed instance never leaves it held.
    public override string ExclusiveLockSql(long lockId) => FormattableString.Invariant($"SELECT pg_advisory_xact_lock({lockId});");
}
