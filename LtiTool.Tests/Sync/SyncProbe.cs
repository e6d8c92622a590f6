using System.Collections.Concurrent;
using System.Net;
using System.Threading.Channels;
using LtiTool.Data;
using LtiTool.Lti.Services;
using LtiTool.Sync;
using Microsoft.Extensions.DependencyInjection;

namespace LtiTool.Tests.Sync;

/// <summary>
/// What a test sees of the tool's background sync without sleeping: each finished run is signalled, platform reads can
/// be held at a gate, and every service request (token requests included) is recorded with its answer.
/// </summary>
public sealed class SyncProbe
{
    private readonly Channel<CourseKey> _finished = Channel.CreateUnbounded<CourseKey>();
    private readonly Channel<bool> _entered = Channel.CreateUnbounded<bool>();
    private readonly ConcurrentQueue<ServiceExchange> _exchanges = new();

    /// <summary>Courses whose run has recorded its outcome, by lease key, until that run gives its lease up.</summary>
    private readonly ConcurrentDictionary<string, CourseKey> _finishing = new(StringComparer.Ordinal);
    private volatile TaskCompletionSource _gate = Opened();

    public IReadOnlyList<ServiceExchange> Exchanges => [.. _exchanges];

    public int TokenRequests => Exchanges.Count(e => e.IsTokenRequest);

    public void ClearExchanges() => _exchanges.Clear();

    /// <summary>Forgets the signals of earlier runs, so the next wait sees only what happens from now on.</summary>
    public void ResetSignals()
    {
        while (_finished.Reader.TryRead(out _) || _entered.Reader.TryRead(out _))
        {
        }
    }

    /// <summary>Platform reads wait until <see cref="OpenGate"/>.</summary>
    public void CloseGate() => _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void OpenGate() => _gate.TrySetResult();

    /// <summary>
    /// Completes when a sync run has recorded its outcome (success or error) and released the course's lease, so a sync
    /// started next is not refused as <see cref="CourseSyncOutcome.AlreadyRunning"/>.
    /// </summary>
    public ValueTask<CourseKey> NextFinishedAsync(CancellationToken cancellationToken = default) => _finished.Reader.ReadAsync(cancellationToken);

    /// <summary>Completes when a sync run reaches the platform (and, with the gate closed, waits there).</summary>
    public ValueTask<bool> NextEnteredAsync(CancellationToken cancellationToken = default) => _entered.Reader.ReadAsync(cancellationToken);

    /// <summary>Registers the probe in a tool: decorates the data source and the course store, records the service HTTP client.</summary>
    public void Install(IServiceCollection services)
    {
        services.AddSingleton(this);
        services.AddSingleton<LtiCourseDataSource>();
        services.AddSingleton<ICourseDataSource>(sp => new GatedSource(sp.GetRequiredService<LtiCourseDataSource>(), this));
        services.AddSingleton<CourseDataStore>();
        services.AddSingleton<ICourseDataStore>(sp => new SignallingStore(sp.GetRequiredService<CourseDataStore>(), this));
        services.AddSingleton<JobLeaseStore>();
        services.AddSingleton<IJobLeaseStore>(sp => new SignallingLeases(sp.GetRequiredService<JobLeaseStore>(), this));
        services.AddHttpClient(ServiceHttp.HttpClientName).AddHttpMessageHandler(() => new RecordingHandler(this));
    }

    private static TaskCompletionSource Opened()
    {
        var opened = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        opened.SetResult();
        return opened;
    }

    private async Task EnterAsync(CancellationToken cancellationToken)
    {
        _entered.Writer.TryWrite(true);
        await _gate.Task.WaitAsync(cancellationToken);
    }

    private sealed class GatedSource(ICourseDataSource inner, SyncProbe probe) : ICourseDataSource
    {
        public async Task<IReadOnlyList<LmsLineItem>> GetLineItemsAsync(CourseServices services, CancellationToken cancellationToken)
        {
            await probe.EnterAsync(cancellationToken);
            return await inner.GetLineItemsAsync(services, cancellationToken);
        }

        public async Task<IReadOnlyList<LmsResult>> GetResultsAsync(CourseServices services, LmsLineItem lineItem, CancellationToken cancellationToken)
        {
            await probe.EnterAsync(cancellationToken);
            return await inner.GetResultsAsync(services, lineItem, cancellationToken);
        }

        public async Task<IReadOnlyList<LmsMember>> GetMembersAsync(CourseServices services, CancellationToken cancellationToken)
        {
            await probe.EnterAsync(cancellationToken);
            return await inner.GetMembersAsync(services, cancellationToken);
        }
    }

    private sealed class SignallingStore(ICourseDataStore inner, SyncProbe probe) : DelegatingCourseDataStore(inner)
    {
        public override async Task MarkFinishedAsync(CourseKey course, long now, string? lastError, long nextDueAt, CancellationToken cancellationToken = default)
        {
            await base.MarkFinishedAsync(course, now, lastError, nextDueAt, cancellationToken);
            probe._finishing[course.ToJobKey(CourseSync.JobName)] = course;
        }
    }

    private sealed class SignallingLeases(IJobLeaseStore inner, SyncProbe probe) : IJobLeaseStore
    {
        public Task<bool> TryAcquireAsync(string jobKey, string owner, long now, long leaseUntil, CancellationToken cancellationToken = default) =>
            inner.TryAcquireAsync(jobKey, owner, now, leaseUntil, cancellationToken);

        public async Task ReleaseAsync(string jobKey, string owner, CancellationToken cancellationToken = default)
        {
            await inner.ReleaseAsync(jobKey, owner, cancellationToken);
            if (probe._finishing.TryRemove(jobKey, out var course))
            {
                probe._finished.Writer.TryWrite(course);
            }
        }
    }

    private sealed class RecordingHandler(SyncProbe probe) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
            var response = await base.SendAsync(request, cancellationToken);
            probe._exchanges.Enqueue(new ServiceExchange(request.Method, request.RequestUri!, body, response.StatusCode));
            return response;
        }
    }
}

/// <summary>One service request as it left the tool, with the status it got.</summary>
public sealed record ServiceExchange(HttpMethod Method, Uri Url, string? Body, HttpStatusCode Status)
{
    public bool IsTokenRequest => Url.AbsolutePath.EndsWith("/token", StringComparison.Ordinal);

    public bool IsScorePost => Method == HttpMethod.Post && Url.AbsolutePath.EndsWith("/scores", StringComparison.Ordinal);
}
