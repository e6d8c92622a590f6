using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace LtiTool.Tests.TestSupport;

/// <summary>
/// A loopback HTTP server that answers every request with what the test chose (a JWKS, an empty set, a redirect,
/// an error) and counts the requests: a misbehaving peer for the tool's outbound calls.
/// </summary>
public sealed class StubHttpServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _requests;

    private StubHttpServer(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    /// <summary>How many requests arrived.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>The answer to every request; 404 until set.</summary>
    public Func<HttpContext, IResult> Respond { get; set; } = _ => Results.NotFound();

    public static async Task<StubHttpServer> StartAsync()
    {
        StubHttpServer? server = null;
        var (app, address) = await LoopbackServer.StartAsync(app => app.Run(context =>
        {
            Interlocked.Increment(ref server!._requests);
            return server.Respond(context).ExecuteAsync(context);
        }));
        server = new StubHttpServer(app, address);
        return server;
    }

    /// <summary>A JWKS document holding the public halves of these keys.</summary>
    public static IResult Jwks(params RsaKey[] keys) => Results.Json(new { keys = keys.Select(k => k.PublicJwk()).ToArray() });

    public async ValueTask DisposeAsync() => await LoopbackServer.StopAsync(_app);
}
