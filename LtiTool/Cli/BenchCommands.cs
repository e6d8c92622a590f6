using System.Diagnostics;
using System.Globalization;
using LtiTool.Data;
using LtiTool.Demo;
using LtiTool.Lti;
using LtiTool.Lti.Platforms;
using LtiTool.Sync;

namespace LtiTool.Cli;

/// <summary>
/// <c>bench sync --lms URL</c>: one full sync of the demo course of a demo LMS running in another process on the same
/// database (scripts/bench-sync.sh starts it), timed, with the time split between waiting on the LMS and the tool's own
/// work. Figures and how to rerun them: docs/performance.md.
/// </summary>
public static class BenchCommands
{
    public static async Task<int> SyncAsync(CommandLine commandLine, IServiceProvider services, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(commandLine);
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(output);
        var urls = new DemoUrls(commandLine.Required("lms").TrimEnd('/'));
        var platform = await services.GetRequiredService<IPlatformStore>().FindAsync(urls.Issuer, commandLine.Option("client-id") ?? "edurec-demo")
            ?? throw new UsageException($"No platform {urls.Issuer} is registered: start the demo LMS on this database first.");
        var course = new CourseKey(platform.Id, commandLine.Option("deployment-id") ?? "demo-deployment-1", DemoCourse.ContextId);
        var store = services.GetRequiredService<ICourseDataStore>();
        var time = services.GetRequiredService<TimeProvider>();
        string[] scopes = [LtiConstants.Scopes.LineItem, LtiConstants.Scopes.LineItemReadOnly, LtiConstants.Scopes.ResultReadOnly, LtiConstants.Scopes.Score];
        await store.RegisterCourseAsync(new CourseServices(course, urls.LineItemsUrl, urls.MembershipsUrl, scopes), time.GetUtcNow().ToUnixTimeSeconds());

        var source = new TimedSource(services.GetRequiredService<ICourseDataSource>(), time);
        var sync = ActivatorUtilities.CreateInstance<CourseSync>(services, source);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        var started = time.GetTimestamp();
        var outcome = await sync.SyncAsync(course);
        var wall = time.GetElapsedTime(started);
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime - cpuBefore;

        var results = (await store.GetResultsAsync(course)).Count;
        var members = (await store.GetMembersAsync(course)).Count;
        var lineItems = (await store.GetLineItemsAsync(course, includeDeleted: false)).Count;
        var status = await store.GetStatusAsync(course);
        var inTool = wall - source.Waiting;
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"""
            outcome            {outcome}{(status?.LastError is { } error ? " (" + error + ")" : string.Empty)}
            ingested           {lineItems} line items, {results} results, {members} members
            wall time          {wall.TotalSeconds:F2} s
            results/s          {results / wall.TotalSeconds:F0}
            waiting on LMS     {source.Waiting.TotalSeconds:F2} s ({source.Waiting / wall:P0}; HTTP, paging and JSON reading in {source.Calls} listings)
            tool work          {inTool.TotalSeconds:F2} s ({inTool / wall:P0}; outside LMS reads: writes not overlapped by a read, bookkeeping)
            tool CPU           {cpu.TotalSeconds:F2} s
            allocated          {(GC.GetTotalAllocatedBytes() - allocatedBefore) / 1048576.0:F0} MiB
            peak working set   {process.PeakWorkingSet64 / 1048576.0:F0} MiB (tool process)
            """));
        return outcome == CourseSyncOutcome.Synced ? 0 : 1;
    }

    /// <summary>Measures the time spent inside the platform reads, which includes the LMS's answer time.</summary>
    private sealed class TimedSource(ICourseDataSource inner, TimeProvider time) : ICourseDataSource
    {
        private long _waitingTicks;
        private int _calls;

        public TimeSpan Waiting => TimeSpan.FromTicks(Interlocked.Read(ref _waitingTicks));

        public int Calls => _calls;

        public Task<IReadOnlyList<LmsLineItem>> GetLineItemsAsync(CourseServices services, CancellationToken cancellationToken) =>
            TimeAsync(() => inner.GetLineItemsAsync(services, cancellationToken));

        public Task<IReadOnlyList<LmsResult>> GetResultsAsync(CourseServices services, LmsLineItem lineItem, CancellationToken cancellationToken) =>
            TimeAsync(() => inner.GetResultsAsync(services, lineItem, cancellationToken));

        public Task<IReadOnlyList<LmsMember>> GetMembersAsync(CourseServices services, CancellationToken cancellationToken) =>
            TimeAsync(() => inner.GetMembersAsync(services, cancellationToken));

        private async Task<T> TimeAsync<T>(Func<Task<T>> read)
        {
            var started = time.GetTimestamp();
            try
            {
                return await read();
            }
            finally
            {
                Interlocked.Add(ref _waitingTicks, time.GetElapsedTime(started).Ticks);
                Interlocked.Increment(ref _calls);
            }
        }
    }
}
