namespace LtiTool.Lti.Platforms;

/// <summary>Registered platforms and their deployments.</summary>
public interface IPlatformStore
{
    /// <summary>Every registration with this issuer (exact match).</summary>
    Task<IReadOnlyList<Platform>> FindByIssuerAsync(string issuer, CancellationToken cancellationToken = default);

    Task<Platform?> FindAsync(string issuer, string clientId, CancellationToken cancellationToken = default);

    Task<Platform?> GetAsync(long platformId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Platform>> ListAsync(CancellationToken cancellationToken = default);

    Task<IReadOnlyList<string>> ListDeploymentsAsync(long platformId, CancellationToken cancellationToken = default);

    Task<bool> IsDeploymentRegisteredAsync(long platformId, string deploymentId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Registers a platform, or adds deployments to the existing one with the same (issuer, client id).
    /// Endpoints of an existing registration are never overwritten here: that is an explicit admin update.
    /// </summary>
    Task<Platform> AddAsync(PlatformRegistration registration, CancellationToken cancellationToken = default);

    /// <summary>Removes a registration with its deployments and all data scoped to it.</summary>
    Task<bool> RemoveAsync(string issuer, string clientId, CancellationToken cancellationToken = default);
}
