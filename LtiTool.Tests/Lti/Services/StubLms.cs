using System.Net;
using System.Text;
using LtiTool.Lti;
using LtiTool.Lti.Platforms;
using LtiTool.Lti.Services;

namespace LtiTool.Tests.Lti.Services;

/// <summary>
/// An in-memory LMS behind the services' HTTP handler, for platform behaviour the demo does not produce (Brightspace's
/// page cap, foreign or endless next links, differences links, huge bodies). Token requests get a token; the rest is
/// answered by <see cref="Respond"/>.
/// </summary>
internal sealed class StubLms : HttpMessageHandler
{
    public static readonly Platform Platform = new(
        501, "https://lms.example", "stub-client", "https://lms.example/auth", "https://lms.example/token", null, "https://lms.example/jwks");

    public Func<HttpRequestMessage, HttpResponseMessage> Respond { get; set; } = _ => new HttpResponseMessage(HttpStatusCode.NotFound);

    public static AgsEndpoint Ags => new(Platform, [LtiConstants.Scopes.LineItemReadOnly, LtiConstants.Scopes.ResultReadOnly], "https://lms.example/lineitems", null);

    public static NrpsEndpoint Nrps => new(Platform, "https://lms.example/memberships");

    public static HttpResponseMessage Json(string json, string? link = null)
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (link is not null)
        {
            response.Headers.TryAddWithoutValidation("Link", link);
        }

        return response;
    }

    public static string LineItems(int from, int count) =>
        "[" + string.Join(',', Enumerable.Range(from, count).Select(i => $$"""{"id":"https://lms.example/lineitems/{{i}}","label":"Item {{i}}","scoreMaximum":10}""")) + "]";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        Task.FromResult(request.RequestUri!.AbsolutePath == "/token"
            ? Json("""{"access_token":"stub-token","token_type":"Bearer","expires_in":3600}""")
            : Respond(request));
}
