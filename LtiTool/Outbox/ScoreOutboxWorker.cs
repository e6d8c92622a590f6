using Microsoft.Extensions.Options;

namespace LtiTool.Outbox;

/// <summary>Runs delivery passes on a <see cref="PeriodicTimer"/> on the injected clock, draining full batches at once.</summary>
public sealed partial class ScoreOutboxWorker(
    ScoreOutboxDelivery delivery, TimeProvider timeProvider, IOptions<OutboxOptions> options, ILogger<ScoreOutboxWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.WorkerEnabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.PollInterval, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await DrainAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host stopping: claimed rows' leases expire and another pass (here after a restart, or elsewhere) takes them.
        }
    }

    private async Task DrainAsync(CancellationToken stoppingToken)
    {
        try
        {
            DeliveryPass pass;
            do
            {
                pass = await delivery.DeliverDueAsync(stoppingToken);
            }
            while (pass.Claimed == options.Value.BatchSize);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            // The database or a bug: the rows stay pending or leased, and the next tick tries again.
            LogPassFailed(logger, exception);
        }
    }

    [LoggerMessage(EventId = 5110, Level = LogLevel.Error, Message = "Score outbox delivery pass failed")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}
