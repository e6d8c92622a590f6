using System.Collections.Concurrent;
using System.Net.Http.Headers;
using LtiTool.Demo;
using LtiTool.Lti;
using LtiTool.Lti.Http;
using LtiTool.Lti.Keys;
using LtiTool.Lti.Platforms;
using LtiTool.Lti.Services;
using LtiTool.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LtiTool.Tests.Lti.Services;

/// <summary>
/// The tool with the demo LMS on real Kestrel (Development), shared by the tests of one class. The client tests page
/// through a gradebook of many columns, so the demo lists its seeded assignments too (no real LMS does so).
/// </summary>
public sealed class ServicesDemoFixture : IDisposable
{
    public ToolHost Tool { get; } = new(new Dictionary<string, string?> { ["Demo:ShowAllLineItems"] = "true" }, environment: "Development");

    public DemoPlatform Demo => Tool.Service<DemoPlatform>();

    public DemoFaults Faults => Tool.Service<DemoFaults>();

    public DemoGradebook Gradebook => Tool.Service<DemoGradebook>();

    public DemoCourse Course => Tool.Service<DemoCourse>();

    public DemoUrls Urls => Demo.Urls;

    /// <summary>The registration the demo made of itself at start.</summary>
    public async Task<Platform> PlatformAsync() =>
        await Tool.Platforms.FindAsync(Demo.Issuer, Demo.ClientId) ?? throw new InvalidOperationException("The demo did not register itself.");

    /// <summary>The AGS claim of a demo launch: all four AGS scopes, the line items URL with Moodle's ?type_id=1.</summary>
    public async Task<AgsEndpoint> AgsAsync() => new(
        await PlatformAsync(),
        [LtiConstants.Scopes.LineItem, LtiConstants.Scopes.LineItemReadOnly, LtiConstants.Scopes.ResultReadOnly, LtiConstants.Scopes.Score],
        Urls.LineItemsUrl,
        Urls.LineItemUrl(DemoCourse.PracticePanelLineItemId));

    public async Task<NrpsEndpoint> NrpsAsync() => new(await PlatformAsync(), Urls.MembershipsUrl);

    public void Dispose() => Tool.Dispose();
}

/// <summary>
/// The service clients wired as <c>AddLtiServices</c> wires them, around the tool's real key ring and URL policy, but
/// with options, a clock and an HTTP handler chosen by the test: every request is recorded, and bearer tokens can be
/// spoiled on the way out to make the LMS answer 401.
/// </summary>
internal sealed class ServicesHarness : IDisposable
{
    public ServicesHarness(ToolHost tool, ServicesOptions? options = null, TimeProvider? time = null, HttpMessageHandler? inner = null)
    {
        Options = options ?? FastOptions();
        Time = time ?? tool.Time;
        Recorder = new RecordingHandler { InnerHandler = inner ?? ServiceHttp.CreateHandler() };
        var factory = new SingleClientFactory(Recorder);
        var settings = Microsoft.Extensions.Options.Options.Create(Options);
        var urlPolicy = tool.Services.GetRequiredService<UrlPolicy>();
        var pipelines = new ServicePipelines(settings, Time, NullLogger<ServicePipelines>.Instance);
        var guard = new ServiceUrlGuard(urlPolicy, settings, NullLogger<ServiceUrlGuard>.Instance);
        var pager = new ServicePager(settings, NullLogger<ServicePager>.Instance);
        Tokens = new ServiceTokenClient(
            factory,
            new ClientAssertionFactory(tool.Services.GetRequiredService<ToolKeyRing>(), Time, settings),
            pipelines,
            urlPolicy,
            Time,
            settings,
            NullLogger<ServiceTokenClient>.Instance);
        var http = new ServiceHttp(factory, Tokens, pipelines, Time, settings, NullLogger<ServiceHttp>.Instance);
        Ags = new AgsClient(http, guard, pager);
        Nrps = new NrpsClient(http, guard, pager);
    }

    public ServicesOptions Options { get; }

    public TimeProvider Time { get; }

    public RecordingHandler Recorder { get; }

    public ServiceTokenClient Tokens { get; }

    public AgsClient Ags { get; }

    public NrpsClient Nrps { get; }

    /// <summary>Production shapes with tiny delays: backoff in milliseconds, so tests do not wait on real timers.</summary>
    public static ServicesOptions FastOptions() => new()
    {
        RetryBaseDelay = TimeSpan.FromMilliseconds(1),
        MaxRetryDelay = TimeSpan.FromMilliseconds(20),
    };

    public void Dispose() => Recorder.Dispose();

    private sealed class SingleClientFactory(HttpMessageHandler handler) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
    }
}

/// <summary>A request as it left the tool.</summary>
internal sealed record RecordedRequest(HttpMethod Method, Uri Url, AuthenticationHeaderValue? Authorization, string? Accept, string? ContentType, string? Body)
{
    public bool IsTokenRequest => Url.AbsolutePath.EndsWith("/token", StringComparison.Ordinal);
}

/// <summary>Records every request and can replace the bearer token of the next N service calls with a revoked one.</summary>
internal sealed class RecordingHandler : DelegatingHandler
{
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private int _revokeNext;

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public int TokenRequests => Requests.Count(r => r.IsTokenRequest);

    public IReadOnlyList<RecordedRequest> ServiceRequests => Requests.Where(r => !r.IsTokenRequest).ToList();

    public void RevokeNextBearers(int count) => Volatile.Write(ref _revokeNext, count);

    public void Clear() => _requests.Clear();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Headers.Authorization is not null && Interlocked.Decrement(ref _revokeNext) >= 0)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "revoked-by-the-platform");
        }

        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        _requests.Enqueue(new RecordedRequest(
            request.Method,
            request.RequestUri!,
            request.Headers.Authorization,
            request.Headers.Accept.ToString(),
            request.Content?.Headers.ContentType?.ToString(),
            body));
        return await base.SendAsync(request, cancellationToken);
    }
}

/// <summary>
/// A clock whose short timers (retry delays) fire at once and are recorded, so a test sees the delay Polly chose without
/// waiting for it; longer timers (timeouts) run on the real clock. Time itself is the tool's fake clock.
/// </summary>
internal sealed class DelayRecordingTimeProvider(TimeProvider clock, TimeSpan fireAtOnceUpTo) : TimeProvider
{
    private readonly ConcurrentQueue<TimeSpan> _delays = new();

    public IReadOnlyList<TimeSpan> Delays => [.. _delays];

    public override DateTimeOffset GetUtcNow() => clock.GetUtcNow();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime > TimeSpan.Zero && dueTime <= fireAtOnceUpTo && period == Timeout.InfiniteTimeSpan)
        {
            _delays.Enqueue(dueTime);
            return System.CreateTimer(callback, state, TimeSpan.Zero, period);
        }

        return System.CreateTimer(callback, state, dueTime, period);
    }
}
