namespace LtiTool.Lti.Login;

/// <summary>
/// The server-side record of one login initiation, waiting for its launch: the source of truth for state and
/// nonce (single use, short lifetime), bound to the browser by a secret held in a cookie or platform storage.
/// </summary>
public sealed record LoginState(
    string State,
    long PlatformId,
    string Nonce,
    string? DeploymentId,
    string TargetLinkUri,
    string LoginHint,
    string? LtiMessageHint,
    string BrowserBindingHash,
    string? StorageTarget,
    long CreatedAt,
    long ExpiresAt,
    long? ConsumedAt);

public interface ILoginStateStore
{
    Task SaveAsync(LoginState state, CancellationToken cancellationToken = default);

    Task<LoginState?> FindAsync(string state, CancellationToken cancellationToken = default);

    /// <summary>Marks the state used if it is still unused and unexpired; false when another request won the race.</summary>
    Task<bool> TryConsumeAsync(string state, long now, CancellationToken cancellationToken = default);

    /// <summary>Deletes states and used nonces that can no longer matter; returns the rows removed.</summary>
    Task<int> PurgeExpiredAsync(long now, CancellationToken cancellationToken = default);

    Task<int> CountAsync(CancellationToken cancellationToken = default);
}
