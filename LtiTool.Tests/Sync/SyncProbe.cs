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

    /// <summary>Completes when a sync run records its outcome (success or error).</summary>
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

    private sealed class SignallingStore(ICourseDataStore inner, SyncProbe probe) : ICourseDataStore
    {
        public async Task MarkFinishedAsync(CourseKey course, long now, string? lastError, long nextDueAt, CancellationToken cancellationToken = default)
        {
            await inner.MarkFinishedAsync(course, now, lastError, nextDueAt, cancellationToken);
            probe._finished.Writer.TryWrite(course);
        }

        public Task RegisterCourseAsync(CourseServices services, long now, CancellationToken cancellationToken = default) => inner.RegisterCourseAsync(services, now, cancellationToken);

        public Task<CourseServices?> FindServicesAsync(CourseKey course, CancellationToken cancellationToken = default) => inner.FindServicesAsync(course, cancellationToken);

        public Task<CourseSyncStatus?> GetStatusAsync(CourseKey course, CancellationToken cancellationToken = default) => inner.GetStatusAsync(course, cancellationToken);

        public Task<IReadOnlyList<CourseKey>> FindDueAsync(long now, int limit, CancellationToken cancellationToken = default) => inner.FindDueAsync(now, limit, cancellationToken);

        public Task MarkStartedAsync(CourseKey course, long now, CancellationToken cancellationToken = default) => inner.MarkStartedAsync(course, now, cancellationToken);

        public Task SaveLineItemsAsync(CourseKey course, IReadOnlyList<LmsLineItem> lineItems, long now, CancellationToken cancellationToken = default) =>
            inner.SaveLineItemsAsync(course, lineItems, now, cancellationToken);

        public Task SaveResultsAsync(CourseKey course, string lineItemId, IReadOnlyList<LmsResult> results, long now, CancellationToken cancellationToken = default) =>
            inner.SaveResultsAsync(course, lineItemId, results, now, cancellationToken);

        public Task SaveMembersAsync(CourseKey course, IReadOnlyList<LmsMember> members, long now, CancellationToken cancellationToken = default) =>
            inner.SaveMembersAsync(course, members, now, cancellationToken);

        public Task<IReadOnlyList<StoredLineItem>> GetLineItemsAsync(CourseKey course, bool includeDeleted, CancellationToken cancellationToken = default) =>
            inner.GetLineItemsAsync(course, includeDeleted, cancellationToken);

        public Task<IReadOnlyList<StoredResult>> GetResultsAsync(CourseKey course, CancellationToken cancellationToken = default) => inner.GetResultsAsync(course, cancellationToken);

        public Task<IReadOnlyList<StoredMember>> GetMembersAsync(CourseKey course, CancellationToken cancellationToken = default) => inner.GetMembersAsync(course, cancellationToken);
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
