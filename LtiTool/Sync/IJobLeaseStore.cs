namespace LtiTool.Sync;

/// <summary>
/// Named leases in the database, so a job runs on one instance at a time when App Service scales out (DESIGN.md,
/// background work; catalogue case 111). A lease that is not renewed expires, so a crashed owner never blocks the job.
/// </summary>
public interface IJobLeaseStore
{
    /// <summary>Takes the lease when it is free or expired at <paramref name="now"/>, or renews it for its owner.</summary>
    Task<bool> TryAcquireAsync(string jobKey, string owner, long now, long leaseUntil, CancellationToken cancellationToken = default);

    /// <summary>Gives the lease up, only when <paramref name="owner"/> still holds it.</summary>
    Task ReleaseAsync(string jobKey, string owner, CancellationToken cancellationToken = default);
}
