namespace LtiTool.Lti.Login;

/// <summary>
/// Deletes expired login states and used nonces every few minutes, so the tables stay bounded whatever the login
/// traffic (catalogue case 9). Several instances may run it at once: the deletes are idempotent.
/// </summary>
public sealed partial class LoginStateCleanupService(
    ILoginStateStore states, TimeProvider timeProvider, ILogger<LoginStateCleanupService> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, timeProvider);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var removed = await states.PurgeExpiredAsync(timeProvider.GetUtcNow().ToUnixTimeSeconds(), stoppingToken);
                LogPurged(logger, removed);
            }
            catch (System.Data.Common.DbException exception)
            {
                LogPurgeFailed(logger, exception);
            }
        }
    }

    [LoggerMessage(EventId = 2010, Level = LogLevel.Debug, Message = "Purged {Count} expired login states and nonces")]
    private static partial void LogPurged(ILogger logger, int count);

    [LoggerMessage(EventId = 2011, Level = LogLevel.Warning, Message = "Purging expired login states failed")]
    private static partial void LogPurgeFailed(ILogger logger, Exception exception);
}
