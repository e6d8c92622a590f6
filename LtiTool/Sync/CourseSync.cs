using LtiTool.Data;
using LtiTool.Lti;
using Microsoft.Extensions.Options;

namespace LtiTool.Sync;

/// <summary>
/// Pulls one course's line items, results and roster from its platform into the database (issue 3 item 6). One run per
/// course at a time across all instances: the run holds the course's lease in <c>job_leases</c>.
/// </summary>
public sealed partial class CourseSync(
    ICourseDataStore store,
    ICourseDataSource source,
    IJobLeaseStore leases,
    ToolInstance instance,
    TimeProvider timeProvider,
    IOptions<SyncOptions> options,
    ILogger<CourseSync> logger)
{
    public const string JobName = "course-sync";

    private const int MaxErrorLength = 500;

    /// <summary>Syncs the course now, unless another run holds its lease. Waits for the run; the launch path never calls this.</summary>
    public async Task<CourseSyncOutcome> SyncAsync(CourseKey course, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(course);
        if (await store.FindServicesAsync(course, cancellationToken) is not { } services)
        {
            return CourseSyncOutcome.NotRegistered;
        }

        var settings = options.Value;
        var owner = instance.NewRunOwner();
        var jobKey = course.ToJobKey(JobName);
        var started = Now();
        if (!await leases.TryAcquireAsync(jobKey, owner, started, started + (long)settings.LeaseDuration.TotalSeconds, cancellationToken))
        {
            LogAlreadyRunning(logger, course.PlatformId, owner);
            return CourseSyncOutcome.AlreadyRunning;
        }

        try
        {
            await store.MarkStartedAsync(course, started, cancellationToken);
            LogStarted(logger, course.PlatformId, owner);
            var failures = await PullAsync(services, cancellationToken);
            string? error = failures.Count == 0 ? null : Shorten(string.Join(" ", failures));
            if (error is not null)
            {
                LogFailed(logger, course.PlatformId, owner, error);
            }

            var finished = Now();
            var next = finished + (long)(error is null ? settings.RefreshInterval : settings.RetryAfterFailure).TotalSeconds;
            // CancellationToken.None: the outcome is recorded even when the host is stopping, so the status never stays "running".
            await store.MarkFinishedAsync(course, finished, error, next, CancellationToken.None);
            if (error is null)
            {
                LogSucceeded(logger, course.PlatformId, owner, finished - started);
            }

            return error is null ? CourseSyncOutcome.Synced : CourseSyncOutcome.Failed;
        }
        finally
        {
            await leases.ReleaseAsync(jobKey, owner, CancellationToken.None);
        }
    }

    /// <summary>True when the course has not synced successfully within <see cref="SyncOptions.StaleAfter"/>.</summary>
    public async Task<bool> IsStaleAsync(CourseKey course, CancellationToken cancellationToken = default)
    {
        var status = await store.GetStatusAsync(course, cancellationToken);
        return status?.LastSucceededAt is not { } succeeded || Now() - succeeded >= (long)options.Value.StaleAfter.TotalSeconds;
    }

    /// <summary>
    /// Reads each container on its own: a line item whose results cannot be read, or a gradebook that cannot be listed,
    /// does not stop the other line items or the roster (issue 10: one Moodle results page used to stop the whole
    /// sync before the roster). What failed is returned, one sentence each, for the sync status.
    /// </summary>
    private async Task<IReadOnlyList<string>> PullAsync(CourseServices services, CancellationToken cancellationToken)
    {
        var course = services.Course;
        var failures = new List<string>();
        // Read only what the launch's AGS claim offered (AGS 2.0 §3.1): without the line item scopes there is no gradebook to read.
        var canReadLineItems = services.LineItemsUrl is not null
            && services.AgsScopes.Any(s => s is LtiConstants.Scopes.LineItem or LtiConstants.Scopes.LineItemReadOnly);
        if (canReadLineItems)
        {
            try
            {
                var lineItems = await source.GetLineItemsAsync(services, cancellationToken);
                await store.SaveLineItemsAsync(course, lineItems, Now(), cancellationToken);
                if (services.AgsScopes.Contains(LtiConstants.Scopes.ResultReadOnly))
                {
                    await PullResultsAsync(services, lineItems, failures, cancellationToken);
                }
            }
            catch (CourseDataSourceException exception)
            {
                failures.Add(exception.Message);
            }
        }

        if (services.MembershipsUrl is not null)
        {
            try
            {
                var members = await source.GetMembersAsync(services, cancellationToken);
                await store.SaveMembersAsync(course, members, Now(), cancellationToken);
            }
            catch (CourseDataSourceException exception)
            {
                failures.Add(exception.Message);
            }
        }

        return failures;
    }

    /// <summary>
    /// Reads one line item's results while the previous one's are written, so the database work overlaps the wait on
    /// the LMS instead of adding to it. At most two line items' results are held at a time. A line item whose results
    /// cannot be read keeps the results stored before and is named in <paramref name="failures"/>.
    /// </summary>
    private async Task PullResultsAsync(
        CourseServices services, IReadOnlyList<LmsLineItem> lineItems, List<string> failures, CancellationToken cancellationToken)
    {
        var writing = Task.CompletedTask;
        try
        {
            foreach (var lineItem in lineItems)
            {
                IReadOnlyList<LmsResult> results;
                try
                {
                    results = await source.GetResultsAsync(services, lineItem, cancellationToken);
                }
                catch (CourseDataSourceException exception)
                {
                    failures.Add(exception.Message);
                    continue;
                }

                await writing;
                // Task.Run: Microsoft.Data.Sqlite's async methods complete synchronously, which would serialise the two again.
                writing = Task.Run(() => store.SaveResultsAsync(services.Course, lineItem.Id, results, Now(), cancellationToken), cancellationToken);
            }
        }
        finally
        {
            // When a write fails, the one under way still finishes before the sync records its outcome.
            await writing.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        await writing;
    }

    private static string Shorten(string error) => error.Length > MaxErrorLength ? error[..(MaxErrorLength - 1)] + "…" : error;

    private long Now() => timeProvider.GetUtcNow().ToUnixTimeSeconds();

    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Course sync {CorrelationId} started for platform {PlatformId}")]
    private static partial void LogStarted(ILogger logger, long platformId, string correlationId);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Information, Message = "Course sync {CorrelationId} for platform {PlatformId} succeeded in {Seconds} s")]
    private static partial void LogSucceeded(ILogger logger, long platformId, string correlationId, long seconds);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Warning, Message = "Course sync {CorrelationId} for platform {PlatformId} failed: {Error}")]
    private static partial void LogFailed(ILogger logger, long platformId, string correlationId, string error);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Debug, Message = "Course sync {CorrelationId} for platform {PlatformId} skipped: another run holds the lease")]
    private static partial void LogAlreadyRunning(ILogger logger, long platformId, string correlationId);
}
