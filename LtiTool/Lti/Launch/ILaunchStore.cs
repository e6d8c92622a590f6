namespace LtiTool.Lti.Launch;

/// <summary>Launch records, used nonces and the tool sessions that pages open after a launch.</summary>
public interface ILaunchStore
{
    Task<bool> IsNonceUsedAsync(long platformId, string nonce, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores the launch, marks its nonce used and opens a tool session, in one transaction. Returns false, storing
    /// nothing, when the nonce was used meanwhile (two concurrent posts of one token: exactly one wins).
    /// </summary>
    Task<bool> SaveAsync(LtiLaunch launch, string nonce, long nonceExpiresAt, ToolSession session, CancellationToken cancellationToken = default);

    /// <summary>The launch behind an unexpired tool session.</summary>
    Task<LtiLaunch?> FindBySessionAsync(string sessionId, long now, CancellationToken cancellationToken = default);

    Task<LtiLaunch?> FindAsync(string launchId, CancellationToken cancellationToken = default);

    Task<int> CountAsync(CancellationToken cancellationToken = default);
}

/// <summary>An opaque, unguessable handle a page carries instead of cookies, which LMS iframes often block.</summary>
public sealed record ToolSession(string Id, string LaunchId, long ExpiresAt);
