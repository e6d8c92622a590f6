using System.Data.Common;
using System.Text.Json;
using Dapper;
using LtiTool.Lti.Launch;

namespace LtiTool.Data;

public sealed class LaunchStore(Database database) : ILaunchStore
{
    private static readonly JsonSerializerOptions ClaimsJson = new(JsonSerializerDefaults.Web);

    public async Task<bool> IsNonceUsedAsync(long platformId, string nonce, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM used_nonces WHERE platform_id = @platformId AND nonce = @nonce;",
            new { platformId, nonce }, cancellationToken: cancellationToken)) > 0;
    }

    public async Task<bool> SaveAsync(LtiLaunch launch, string nonce, long nonceExpiresAt, ToolSession session, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(launch);
        ArgumentNullException.ThrowIfNull(session);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO used_nonces (platform_id, nonce, expires_at) VALUES (@PlatformId, @nonce, @nonceExpiresAt);",
                new { launch.PlatformId, nonce, nonceExpiresAt }, transaction, cancellationToken: cancellationToken));
        }
        catch (DbException exception) when (database.Dialect.IsUniqueViolation(exception))
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO launches (id, platform_id, deployment_id, context_id, resource_link_id, subject, message_type, roles, claims, created_at) " +
            "VALUES (@Id, @PlatformId, @DeploymentId, @contextId, @resourceLinkId, @Subject, @MessageType, @roles, @claims, @CreatedAt);",
            new
            {
                launch.Id,
                launch.PlatformId,
                launch.DeploymentId,
                contextId = launch.Course?.Id,
                resourceLinkId = launch.ResourceLink?.Id,
                launch.Subject,
                launch.MessageType,
                roles = JsonSerializer.Serialize(launch.Roles, ClaimsJson),
                claims = JsonSerializer.Serialize(launch, ClaimsJson),
                launch.CreatedAt,
            },
            transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO users (platform_id, subject, display_name, first_seen_at, last_seen_at) VALUES (@PlatformId, @Subject, @DisplayName, @CreatedAt, @CreatedAt) " +
            "ON CONFLICT (platform_id, subject) DO UPDATE SET display_name = excluded.display_name, last_seen_at = excluded.last_seen_at;",
            new { launch.PlatformId, launch.Subject, launch.DisplayName, launch.CreatedAt }, transaction, cancellationToken: cancellationToken));
        if (launch.Course is { } course)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO contexts (platform_id, deployment_id, context_id, title, label, updated_at) VALUES (@PlatformId, @DeploymentId, @Id, @Title, @Label, @CreatedAt) " +
                "ON CONFLICT (platform_id, deployment_id, context_id) DO UPDATE SET title = excluded.title, label = excluded.label, updated_at = excluded.updated_at;",
                new { launch.PlatformId, launch.DeploymentId, course.Id, course.Title, course.Label, launch.CreatedAt }, transaction, cancellationToken: cancellationToken));
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO tool_sessions (id, launch_id, expires_at) VALUES (@Id, @LaunchId, @ExpiresAt);",
            session, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<LtiLaunch?> FindBySessionAsync(string sessionId, long now, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var claims = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "SELECT l.claims FROM tool_sessions s JOIN launches l ON l.id = s.launch_id WHERE s.id = @sessionId AND s.expires_at > @now;",
            new { sessionId, now }, cancellationToken: cancellationToken));
        return claims is null ? null : JsonSerializer.Deserialize<LtiLaunch>(claims, ClaimsJson);
    }

    public async Task<LtiLaunch?> FindAsync(string launchId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var claims = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "SELECT claims FROM launches WHERE id = @launchId;", new { launchId }, cancellationToken: cancellationToken));
        return claims is null ? null : JsonSerializer.Deserialize<LtiLaunch>(claims, ClaimsJson);
    }

    public async Task<int> CountAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT COUNT(*) FROM launches;", cancellationToken: cancellationToken));
    }
}
