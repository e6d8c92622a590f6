using Dapper;
using LtiTool.Lti.Keys;

namespace LtiTool.Data;

public sealed class ToolKeyStore(Database database) : IToolKeyStore
{
    private const string SelectKeys =
        "SELECT kid, status, created_at AS CreatedAt, retired_at AS RetiredAt, public_jwk AS PublicJwk, " +
        "protected_private_key AS ProtectedPrivateKey FROM tool_keys ORDER BY created_at, kid;";

    public async Task<IReadOnlyList<ToolKeyRecord>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<ToolKeyRecord>(new CommandDefinition(SelectKeys, cancellationToken: cancellationToken))).AsList();
    }

    public async Task UpdateAsync(Func<IReadOnlyList<ToolKeyRecord>, ToolKeyChanges> change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(database.Dialect.ExclusiveLockSql(SqlDialect.Locks.ToolKeys), transaction: transaction);
        var keys = (await connection.QueryAsync<ToolKeyRecord>(new CommandDefinition(SelectKeys, transaction: transaction, cancellationToken: cancellationToken))).AsList();
        var changes = change(keys);
        foreach (var key in changes.Insert)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO tool_keys (kid, status, created_at, retired_at, public_jwk, protected_private_key) " +
                "VALUES (@Kid, @Status, @CreatedAt, @RetiredAt, @PublicJwk, @ProtectedPrivateKey);",
                key, transaction, cancellationToken: cancellationToken));
        }

        foreach (var (kid, status, retiredAt) in changes.SetStatus)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE tool_keys SET status = @status, retired_at = @retiredAt WHERE kid = @kid;",
                new { kid, status, retiredAt }, transaction, cancellationToken: cancellationToken));
        }

        foreach (var kid in changes.Delete)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM tool_keys WHERE kid = @kid;", new { kid }, transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
