using Dapper;
using LtiTool.Lti.Platforms;

namespace LtiTool.Data;

public sealed class PlatformStore(Database database, TimeProvider timeProvider) : IPlatformStore
{
    private const string SelectPlatform =
        "SELECT id, issuer, client_id AS ClientId, auth_url AS AuthUrl, token_url AS TokenUrl, " +
        "token_audience AS TokenAudience, jwks_url AS JwksUrl FROM platforms";

    public async Task<IReadOnlyList<Platform>> FindByIssuerAsync(string issuer, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Platform>(
            new CommandDefinition(SelectPlatform + " WHERE issuer = @issuer ORDER BY id;", new { issuer }, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    public async Task<Platform?> FindAsync(string issuer, string clientId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Platform>(new CommandDefinition(
            SelectPlatform + " WHERE issuer = @issuer AND client_id = @clientId;", new { issuer, clientId }, cancellationToken: cancellationToken));
    }

    public async Task<Platform?> GetAsync(long platformId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Platform>(new CommandDefinition(
            SelectPlatform + " WHERE id = @platformId;", new { platformId }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<Platform>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Platform>(new CommandDefinition(SelectPlatform + " ORDER BY issuer, client_id;", cancellationToken: cancellationToken));
        return rows.AsList();
    }

    public async Task<IReadOnlyList<string>> ListDeploymentsAsync(long platformId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT deployment_id FROM deployments WHERE platform_id = @platformId ORDER BY deployment_id;", new { platformId }, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    public async Task<bool> IsDeploymentRegisteredAsync(long platformId, string deploymentId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM deployments WHERE platform_id = @platformId AND deployment_id = @deploymentId;",
            new { platformId, deploymentId }, cancellationToken: cancellationToken)) > 0;
    }

    public async Task<Platform> AddAsync(PlatformRegistration registration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var now = timeProvider.GetUtcNow().ToUnixTimeSeconds();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // DO NOTHING keeps the existing registration's endpoints: a second registration must never hijack them.
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO platforms (issuer, client_id, auth_url, token_url, token_audience, jwks_url, created_at) " +
            "VALUES (@Issuer, @ClientId, @AuthUrl, @TokenUrl, @TokenAudience, @JwksUrl, @now) ON CONFLICT (issuer, client_id) DO NOTHING;",
            new { registration.Issuer, registration.ClientId, registration.AuthUrl, registration.TokenUrl, registration.TokenAudience, registration.JwksUrl, now },
            transaction, cancellationToken: cancellationToken));
        var platform = await connection.QuerySingleAsync<Platform>(new CommandDefinition(
            SelectPlatform + " WHERE issuer = @Issuer AND client_id = @ClientId;", new { registration.Issuer, registration.ClientId }, transaction, cancellationToken: cancellationToken));
        foreach (var deploymentId in registration.DeploymentIds.Distinct(StringComparer.Ordinal))
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO deployments (platform_id, deployment_id, created_at) VALUES (@Id, @deploymentId, @now) " +
                "ON CONFLICT (platform_id, deployment_id) DO NOTHING;",
                new { platform.Id, deploymentId, now }, transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
        return platform;
    }

    public async Task<bool> RemoveAsync(string issuer, string clientId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        // Every table scoped to a platform cascades from platforms, so one delete off-boards the tenant.
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM platforms WHERE issuer = @issuer AND client_id = @clientId;", new { issuer, clientId }, cancellationToken: cancellationToken)) > 0;
    }
}
