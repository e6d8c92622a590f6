using LtiTool.Data;
using LtiTool.Sync;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LtiTool.Outbox;

public static class OutboxExtensions
{
    /// <summary>Registers the score outbox: options, store, delivery and its worker.</summary>
    public static IServiceCollection AddScoreOutbox(this IServiceCollection services)
    {
        services.AddOptions<OutboxOptions>()
            .BindConfiguration(OutboxOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<ToolInstance>();
        services.AddSingleton<IScoreOutboxStore, ScoreOutboxStore>();
        services.AddSingleton<ScoreOutbox>();
        services.AddSingleton<ScoreOutboxDelivery>();
        services.AddHostedService<ScoreOutboxWorker>();
        return services;
    }
}
