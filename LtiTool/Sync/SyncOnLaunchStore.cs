using LtiTool.Lti.Launch;

namespace LtiTool.Sync;

/// <summary>
/// Decorates the launch store: every stored launch queues its course for a sync when its data is stale. Queuing never
/// waits, so the launch renders from stored data at once (issue 3 item 6).
/// </summary>
public sealed class SyncOnLaunchStore(ILaunchStore inner, CourseSyncRequests queue) : ILaunchStore
{
    public async Task<bool> SaveAsync(LtiLaunch launch, string nonce, long nonceExpiresAt, ToolSession session, CancellationToken cancellationToken = default)
    {
        var saved = await inner.SaveAsync(launch, nonce, nonceExpiresAt, session, cancellationToken);
        if (saved)
        {
            queue.EnqueueLaunch(launch);
        }

        return saved;
    }

    public Task<bool> IsNonceUsedAsync(long platformId, string nonce, CancellationToken cancellationToken = default) =>
        inner.IsNonceUsedAsync(platformId, nonce, cancellationToken);

    public Task<LtiLaunch?> FindBySessionAsync(string sessionId, long now, CancellationToken cancellationToken = default) =>
        inner.FindBySessionAsync(sessionId, now, cancellationToken);

    public Task<LtiLaunch?> FindAsync(string launchId, CancellationToken cancellationToken = default) => inner.FindAsync(launchId, cancellationToken);

    public Task<int> CountAsync(CancellationToken cancellationToken = default) => inner.CountAsync(cancellationToken);
}
