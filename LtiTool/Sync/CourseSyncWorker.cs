using Microsoft.Extensions.Options;

namespace LtiTool.Sync;

/// <summary>
/// Runs course syncs in the background: the ones launches and instructors queue, and on a <see cref="PeriodicTimer"/>
/// on the injected clock the courses whose next sync is due. Every instance may run this; the course leases keep each
/// sync single.
/// </summary>
public sealed partial class CourseSyncWorker(
    CourseSyncRequests queue,
    CourseSync sync,
    ICourseDataStore store,
    TimeProvider timeProvider,
    IOptions<SyncOptions> options,
    ILogger<CourseSyncWorker> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(ConsumeAsync(stoppingToken), options.Value.SchedulerEnabled ? ScheduleAsync(stoppingToken) : Task.CompletedTask);

    /// <summary>One pass of the scheduler: syncs the courses that are due now. Returns how many it synced.</summary>
    public async Task<int> RunDueAsync(CancellationToken cancellationToken)
    {
        var due = await store.FindDueAsync(timeProvider.GetUtcNow().ToUnixTimeSeconds(), options.Value.CoursesPerPass, cancellationToken);
        var synced = 0;
        foreach (var course in due)
        {
            synced += await sync.SyncAsync(course, cancellationToken) == CourseSyncOutcome.Synced ? 1 : 0;
        }

        return synced;
    }

    private async Task ConsumeAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var request in queue.Reader.ReadAllAsync(stoppingToken))
            {
                await GuardAsync(() => HandleAsync(request, stoppingToken), stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host stopping: queued requests are dropped; the scheduler finds those courses due after the restart.
        }
    }

    private async Task HandleAsync(CourseSyncRequest request, CancellationToken cancellationToken)
    {
        if (request.Services is { } services)
        {
            await store.RegisterCourseAsync(services, timeProvider.GetUtcNow().ToUnixTimeSeconds(), cancellationToken);
        }

        if (request.Force || await sync.IsStaleAsync(request.Course, cancellationToken))
        {
            await sync.SyncAsync(request.Course, cancellationToken);
        }
    }

    private async Task ScheduleAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SchedulerInterval, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await GuardAsync(() => RunDueAsync(stoppingToken), stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host stopping.
        }
    }

    // A database outage must not end the worker for the life of the process: log it and carry on with the next request or tick.
    private async Task GuardAsync(Func<Task> work, CancellationToken stoppingToken)
    {
        try
        {
            await work();
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            LogWorkerError(logger, exception);
        }
    }

    [LoggerMessage(EventId = 5010, Level = LogLevel.Error, Message = "Course sync worker pass failed")]
    private static partial void LogWorkerError(ILogger logger, Exception exception);
}
