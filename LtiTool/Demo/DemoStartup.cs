namespace LtiTool.Demo;

/// <summary>
/// Registers the demo platform once the server listens: <c>StartedAsync</c> runs after every hosted service has started,
/// so the schema is migrated and the server's address (a dynamic port in tests) is known.
/// </summary>
internal sealed class DemoStartup(DemoPlatform platform, DemoBaseUrl baseUrl, DemoRegistrar registrar) : IHostedLifecycleService
{
    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        var urls = baseUrl.ForServer();
        platform.Started(urls);
        await registrar.EnsureRegisteredAsync(urls, cancellationToken);
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
