using System.ComponentModel.DataAnnotations;

namespace LtiTool.Data;

/// <summary>Configuration section <c>Database</c>.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary>Environment variable naming the folder of the SQLite file when no connection string is given.</summary>
    public const string DataDirectoryVariable = "EDUREC_DATA_DIR";

    /// <summary><c>Sqlite</c> (default: one file, for one machine and the demo) or <c>Postgres</c> (servers, Azure).</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// ADO.NET connection string. Optional for SQLite: the default is <c>App_Data/edurec.db</c> under the content root,
    /// or under <c>EDUREC_DATA_DIR</c> when that variable is set. Required for PostgreSQL.
    /// </summary>
    [MaxLength(4096)]
    public string? ConnectionString { get; set; }

    /// <summary>Apply pending schema scripts at start. Default true; the <c>migrate</c> command applies them too.</summary>
    public bool MigrateOnStart { get; set; } = true;
}

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
