using System.Text.Json;
using LtiTool.Lti.Platforms;
using LtiTool.Tests.TestSupport;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace LtiTool.Tests.Sync;

/// <summary>
/// A Moodle 5.0.6 site replayed by WireMock.Net on 127.0.0.1 from the recorded responses in <c>Fixtures/Moodle50</c>
/// (course 2, tool type 1, line items 5, 9 and 12). As the real site does, every results GET carrying <c>limit</c>
/// answers 404 with an HTML error page (issue 10).
/// </summary>
public sealed class ReplayedMoodle : IDisposable
{
    public const string DeploymentId = "1";
    public const string ContextId = "2";
    private const string Recorded = "http://127.0.0.1:8080";
    private const string LineItemsPath = "/mod/lti/services.php/2/lineitems";
    private const string Html = "text/html; charset=utf-8";

    private static readonly string FixtureDirectory = Path.Combine(AppContext.BaseDirectory, "Sync", "Fixtures", "Moodle50");

    private readonly WireMockServer _server;

    public ReplayedMoodle()
    {
        _server = WireMockServer.Start(new WireMockServerSettings { Urls = [$"http://127.0.0.1:{FreeLoopbackPort.Next()}"] });
        BaseUrl = _server.Url!.TrimEnd('/');
        Replay("01_token_request_and_response.json", "POST", "/mod/lti/token.php", "application/json");
        Replay("02_lineitems_GET.json", "GET", LineItemsPath, null);
        Replay("05_results_GET.json", "GET", ResultsPath(5), null);
        Replay("08_new_lineitem_results_GET.json", "GET", ResultsPath(9), null);
        Replay("10_nrps_memberships_GET.json", "GET", "/mod/lti/services.php/CourseSection/2/bindings/1/memberships", null);
        _server.Given(Request.Create().UsingGet().WithPath(new WireMock.Matchers.WildcardMatcher("/mod/lti/services.php/2/lineitems/*/lineitem/results")).WithParam("limit"))
            .AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(404).WithHeader("Content-Type", Html).WithBody(ErrorPage));
    }

    public string BaseUrl { get; }

    public string LineItemsUrl => $"{BaseUrl}{LineItemsPath}?type_id=1";

    public string MembershipsUrl => $"{BaseUrl}/mod/lti/services.php/CourseSection/2/bindings/1/memberships";

    /// <summary>Moodle's PHP error page, as it answers a results GET with <c>limit</c>.</summary>
    public string ErrorPage => File.ReadAllText(Path.Combine(FixtureDirectory, "results_with_limit_404.html"));

    public IReadOnlyList<ILogEntry> Requests => [.. _server.LogEntries];

    public static string ResultsPath(int lineItem) => $"{LineItemsPath}/{lineItem}/lineitem/results";

    /// <summary>The tool's registration of this site, as an admin would enter it.</summary>
    public Task<Platform> RegisterAsync(IPlatformStore platforms) => platforms.AddAsync(new PlatformRegistration(
        BaseUrl, "GStdetDKEYHIxwM", BaseUrl + "/mod/lti/auth.php", BaseUrl + "/mod/lti/token.php", null, BaseUrl + "/mod/lti/certs.php", [DeploymentId]));

    /// <summary>Answers a line item's results (without <c>limit</c>) with <paramref name="status"/> and a body.</summary>
    public void AnswerResults(int lineItem, int status, string contentType, string body) =>
        _server.Given(Request.Create().UsingGet().WithPath(ResultsPath(lineItem)))
            .AtPriority(5)
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", contentType).WithBody(body));

    /// <summary>The results GETs of a line item, each with whether it carried <c>limit</c>.</summary>
    public IReadOnlyList<bool> ResultsRequests(int lineItem) => Requests
        .Where(r => r.RequestMessage.Path == ResultsPath(lineItem))
        .Select(r => r.RequestMessage.Query?.ContainsKey("limit") == true)
        .ToList();

    public void Dispose() => _server.Stop();

    /// <summary>Serves a recorded response (status, media type, body) at its path, the recorded host replaced by this server's.</summary>
    private void Replay(string file, string method, string path, string? contentType)
    {
        using var recorded = JsonDocument.Parse(File.ReadAllText(Path.Combine(FixtureDirectory, file)).Replace(Recorded, BaseUrl, StringComparison.Ordinal));
        var exchange = recorded.RootElement.ValueKind == JsonValueKind.Array ? recorded.RootElement[0] : recorded.RootElement;
        var response = exchange.GetProperty("response");
        var type = contentType ?? response.GetProperty("content_type").GetString()!;
        _server.Given(Request.Create().UsingMethod(method).WithPath(path))
            .AtPriority(10)
            .RespondWith(Response.Create()
                .WithStatusCode(response.GetProperty("status").GetInt32())
                .WithHeader("Content-Type", type)
                .WithBody(response.GetProperty("body").GetRawText()));
    }
}
