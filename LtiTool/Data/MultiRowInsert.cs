using System.Data.Common;
using System.Globalization;
using System.Text;

namespace LtiTool.Data;

/// <summary>
/// Writes many rows with one reused command of the form <c>INSERT … VALUES (…), (…) … ON CONFLICT …</c>, holding
/// <see cref="SqlDialect.RowsPerInsert"/> rows. Dapper given a list rebuilds every parameter for every row, which made
/// a 5,000-student course sync spend as long writing to SQLite as waiting on the LMS (docs/performance.md).
/// </summary>
public static class MultiRowInsert
{
    /// <summary>
    /// Runs <paramref name="head"/> <c>VALUES</c> one <paramref name="rowTuple"/> per row <paramref name="tail"/>.
    /// <paramref name="shared"/> holds the parameters every row uses (course scope, timestamps), named as in the SQL
    /// without the <c>@</c>; in the row tuple, <c>{0}</c>, <c>{1}</c>… stand for the values <paramref name="rowValues"/>
    /// gives for each row.
    /// </summary>
    public static async Task ExecuteAsync<T>(
        DbConnection connection,
        DbTransaction transaction,
        SqlDialect dialect,
        InsertSql sql,
        IReadOnlyDictionary<string, object?> shared,
        IReadOnlyList<T> rows,
        Func<T, object?[]> rowValues,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(dialect);
        ArgumentNullException.ThrowIfNull(sql);
        ArgumentNullException.ThrowIfNull(shared);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(rowValues);
        DbCommand? command = null;
        try
        {
            var commandRows = 0;
            for (var start = 0; start < rows.Count; start += dialect.RowsPerInsert)
            {
                var count = Math.Min(dialect.RowsPerInsert, rows.Count - start);
                var first = rowValues(rows[start]);
                if (command is null || commandRows != count)
                {
                    if (command is not null)
                    {
                        await command.DisposeAsync();
                    }

                    command = CreateCommand(connection, transaction, sql, shared, count, first.Length);
                    commandRows = count;
                }

                for (var i = 0; i < count; i++)
                {
                    var values = i == 0 ? first : rowValues(rows[start + i]);
                    for (var column = 0; column < values.Length; column++)
                    {
                        command.Parameters[shared.Count + (i * values.Length) + column].Value = values[column] ?? DBNull.Value;
                    }
                }

                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        finally
        {
            if (command is not null)
            {
                await command.DisposeAsync();
            }
        }
    }

    private static DbCommand CreateCommand(DbConnection connection, DbTransaction transaction, InsertSql sql, IReadOnlyDictionary<string, object?> shared, int rows, int columns)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        foreach (var (name, value) in shared)
        {
            AddParameter(command, name, value);
        }

        var text = new StringBuilder(sql.Head).Append(" VALUES ");
        for (var i = 0; i < rows; i++)
        {
            var names = new object[columns];
            for (var column = 0; column < columns; column++)
            {
                var name = $"r{i}_{column}";
                AddParameter(command, name, null);
                names[column] = "@" + name;
            }

            text.Append(i == 0 ? "" : ", ").AppendFormat(CultureInfo.InvariantCulture, sql.RowTuple, names);
        }

        command.CommandText = text.Append(' ').Append(sql.Tail).Append(';').ToString();
        return command;
    }

    private static void AddParameter(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }
}

/// <param name="Head"><c>INSERT INTO table (columns…)</c>.</param>
/// <param name="RowTuple">One row's <c>(…)</c>: shared parameters by name, the row's own values as <c>{0}</c>, <c>{1}</c>….</param>
/// <param name="Tail">The <c>ON CONFLICT …</c> clause.</param>
public sealed record InsertSql(string Head, string RowTuple, string Tail);
