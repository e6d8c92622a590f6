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
    /// Runs <see cref="InsertSql.Head"/> <c>VALUES</c> one <see cref="InsertSql.RowTuple"/> per row
    /// <see cref="InsertSql.Tail"/>. <paramref name="shared"/> holds the parameters every row uses (course scope,
    /// timestamps), named as in the SQL without the <c>@</c>; <paramref name="rowValues"/> gives each row's own values,
    /// the same number for every row, in the order of the tuple's <c>{0}</c>, <c>{1}</c>….
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
        if (rows.Count == 0)
        {
            return;
        }

        var columns = rowValues(rows[0]).Length;
        DbCommand? command = null;
        try
        {
            for (var start = 0; start < rows.Count; start += dialect.RowsPerInsert)
            {
                // Every statement but the last holds RowsPerInsert rows and reuses one command; the last may be shorter.
                var count = Math.Min(dialect.RowsPerInsert, rows.Count - start);
                if (command is null || command.Parameters.Count != shared.Count + (count * columns))
                {
                    if (command is not null)
                    {
                        await command.DisposeAsync();
                    }

                    command = CreateCommand(connection, transaction, sql, shared, count, columns);
                }

                for (var i = 0; i < count; i++)
                {
                    var values = rowValues(rows[start + i]);
                    for (var column = 0; column < columns; column++)
                    {
                        command.Parameters[shared.Count + (i * columns) + column].Value = values[column] ?? DBNull.Value;
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
