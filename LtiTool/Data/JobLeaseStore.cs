using Dapper;
using LtiTool.Sync;

namespace LtiTool.Data;

public sealed class JobLeaseStore(Database database) : IJobLeaseStore
{
    public async Task<bool> TryAcquireAsync(string jobKey, string owner, long now, long leaseUntil, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        // Insert-if-absent, else take over only an expired lease (or renew our own): one statement, so two instances
        // racing for the same key cannot both win. ON CONFLICT … DO UPDATE … WHERE is the same SQL on both providers.
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO job_leases (job_key, owner, lease_until) VALUES (@jobKey, @owner, @leaseUntil) " +
            "ON CONFLICT (job_key) DO UPDATE SET owner = excluded.owner, lease_until = excluded.lease_until " +
            "WHERE job_leases.lease_until <= @now OR job_leases.owner = @owner;",
            new { jobKey, owner, now, leaseUntil }, cancellationToken: cancellationToken));
        return changed == 1;
    }

    public async Task ReleaseAsync(string jobKey, string owner, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM job_leases WHERE job_key = @jobKey AND owner = @owner;", new { jobKey, owner }, cancellationToken: cancellationToken));
    }
}
