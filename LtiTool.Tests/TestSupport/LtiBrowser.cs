using System.Net;
using Microsoft.AspNetCore.WebUtilities;

namespace LtiTool.Tests.TestSupport;

/// <summary>
/// Plays the browser between a platform and the tool: starts a login, keeps the tool's state cookie, and posts
/// the launch form. Cookies are handled by hand: HttpClient would not send the tool's Secure cookies over
/// loopback http, while browsers treat loopback as secure.
/// </summary>
public sealed class LtiBrowser(ToolHost tool) : IDisposable
{
    private readonly HttpClient _client = tool.NewClient();

    public HttpClient Client => _client;

    /// <summary>Starts a login as the platform would and returns what the tool asked the platform for.</summary>
    public async Task<LoginRedirect> LoginAsync(TestPlatform platform, IDictionary<string, string?>? overrides = null, bool post = false)
    {
        var parameters = new Dictionary<string, string?>
        {
            ["iss"] = platform.Issuer,
            ["login_hint"] = "student-7",
            ["target_link_uri"] = tool.LaunchUrl,
            ["lti_message_hint"] = "rl-1",
            ["client_id"] = TestPlatform.ClientId,
            ["lti_deployment_id"] = TestPlatform.DeploymentId,
        };
        foreach (var (name, value) in overrides ?? new Dictionary<string, string?>())
        {
            parameters[name] = value;
        }

        var present = parameters.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value!);
        using var response = post
            ? await _client.PostAsync("/lti/login", new FormUrlEncodedContent(present))
            : await _client.GetAsync(QueryHelpers.AddQueryString("/lti/login", present!));
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            return new LoginRedirect(response.StatusCode, null, new Dictionary<string, string>(), null, body);
        }

        var location = response.Headers.Location!;
        var query = QueryHelpers.ParseQuery(location.Query).ToDictionary(p => p.Key, p => p.Value.ToString());
        var cookie = response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies.First().Split(';')[0] : null;
        return new LoginRedirect(response.StatusCode, location, query, cookie, body);
    }

    /// <summary>Posts the launch form with the login's cookie (unless told not to).</summary>
    public async Task<HttpResponseMessage> LaunchAsync(string? idToken, string? state, string? cookie, IDictionary<string, string>? extraFields = null)
    {
        var fields = new Dictionary<string, string>();
        if (idToken is not null)
        {
            fields["id_token"] = idToken;
        }

        if (state is not null)
        {
            fields["state"] = state;
        }

        foreach (var (name, value) in extraFields ?? new Dictionary<string, string>())
        {
            fields[name] = value;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/lti/launch") { Content = new FormUrlEncodedContent(fields) };
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        return await _client.SendAsync(request);
    }

    public void Dispose() => _client.Dispose();
}

/// <summary>The tool's answer to a login: a redirect to the platform with state and nonce, or an error page.</summary>
public sealed record LoginRedirect(HttpStatusCode Status, Uri? Location, IReadOnlyDictionary<string, string> Query, string? Cookie, string Body)
{
    public string State => Query["state"];

    public string Nonce => Query["nonce"];
}
