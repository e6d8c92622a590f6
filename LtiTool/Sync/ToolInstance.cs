using System.Globalization;

namespace LtiTool.Sync;

/// <summary>
/// This process's identity as a lease owner: App Service names each instance (<c>WEBSITE_INSTANCE_ID</c>); the random
/// suffix tells a restarted process from its predecessor, whose leases it must not renew.
/// </summary>
public sealed class ToolInstance
{
    public ToolInstance()
    {
        var name = Environment.GetEnvironmentVariable("WEBSITE_INSTANCE_ID") is { Length: > 0 } instance ? instance[..Math.Min(instance.Length, 16)] : Environment.MachineName;
        Id = string.Create(CultureInfo.InvariantCulture, $"{name}/{Environment.ProcessId}/{Guid.NewGuid():N}");
    }

    public string Id { get; }

    /// <summary>An owner id for one run of a job, so two runs inside this process exclude each other too.</summary>
    public string NewRunOwner() => Id + "/" + Guid.NewGuid().ToString("N")[..8];
}
