using Dapper;
using LtiTool.Lti.Login;

namespace LtiTool.Data;

public sealed class LoginStateStore(Database database) : ILoginStateStore
{
    public async Task SaveAsync(LoginState state, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO login_states (state, platform_id, nonce, deployment_id, target_link_uri, login_hint, lti_message_hint, " +
            "browser_binding_hash, storage_target, created_at, expires_at, consumed_at) VALUES (@State, @PlatformId, @Nonce, " +
            "@DeploymentId, @TargetLinkUri, @LoginHint, @LtiMessageHint, @BrowserBindingHash, @StorageTarget, @CreatedAt, @ExpiresAt, NULL);",
            state, cancellationToken: cancellationToken));
    }

    public async Task<LoginState?> FindAsync(string state, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<LoginState>(new CommandDefinition(
            "SELECT state, platform_id AS PlatformId, nonce, deployment_id AS DeploymentId, target_link_uri AS TargetLinkUri, " +
            "login_hint AS LoginHint, lti_message_hint AS LtiMessageHint, browser_binding_hash AS BrowserBindingHash, " +
            "storage_target AS StorageTarget, created_at AS CreatedAt, expires_at AS ExpiresAt, consumed_at AS ConsumedAt " +
            "FROM login_states WHERE state = @state;", new { state }, cancellationToken: cancellationToken));
    }

    public async Task<bool> TryConsumeAsync(string state, long now, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        // One atomic conditional update: of two concurrent launches with the same state, exactly one wins.
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE login_states SET consumed_at = @now WHERE state = @state AND consumed_at IS NULL AND expires_at > @now;",
            new { state, now }, cancellationToken: cancellationToken)) == 1;
    }

    public async Task<int> PurgeExpiredAsync(long now, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var states = await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM login_states WHERE expires_at <= @now;", new { now }, cancellationToken: cancellationToken));
        var nonces = await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM used_nonces WHERE expires_at <= @now;", new { now }, cancellationToken: cancellationToken));
        return states + nonces;
    }

    public async Task<int> CountAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT COUNT(*) FROM login_states;", cancellationToken: cancellationToken));
    }
}
