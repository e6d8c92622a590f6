using Microsoft.Extensions.Options;

namespace LtiTool.Data;

/// <summary>Applies pending schema scripts before the app takes requests (hosted services start before Kestrel listens).</summary>
public sealed class SchemaMigrationService(SchemaMigrator migrator, IOptions<DatabaseOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.MigrateOnStart)
        {
            await migrator.MigrateAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
