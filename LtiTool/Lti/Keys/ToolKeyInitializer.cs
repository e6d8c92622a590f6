namespace LtiTool.Lti.Keys;

/// <summary>Creates the tool's keys on first start (after the schema migration, which is registered earlier).</summary>
public sealed class ToolKeyInitializer(ToolKeyRing keyRing) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => keyRing.EnsureKeysAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
