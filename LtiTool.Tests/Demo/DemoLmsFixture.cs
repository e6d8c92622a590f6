using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using LtiTool.Demo;
using LtiTool.Lti;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace LtiTool.Tests.Demo;

/// <summary>
/// The whole app on Kestrel at a loopback port, in Development, with a throwaway SQLite file: the demo LMS is a real
/// HTTP peer. The tool key that signs client assertions is the test's own, published at <see cref="ToolJwksPath"/>.
/// </summary>
public sealed class DemoLmsFixture : IAsyncLifetime
{
    public const string ToolJwksPath = "/test-tool/jwks.json";

    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"edurec-demo-{Guid.NewGuid():N}.db");
    private readonly RSA _toolRsa = RSA.Create(2048);
    private WebApplicationFactory<Program>? _factory;

    public DemoLmsFixture() => ToolKey = new RsaSecurityKey(_toolRsa) { KeyId = "test-tool-key" };

    public RsaSecurityKey ToolKey { get; }

    public HttpClient Client { get; private set; } = null!;

    public IServiceProvider Services => _factory!.Services;

    public DemoPlatform Platform => Services.GetRequiredService<DemoPlatform>();

    public DemoFaults Faults => Services.GetRequiredService<DemoFaults>();

    public DemoUrls Urls => Platform.Urls;

    public Task InitializeAsync()
    {
        var jwks = JsonSerializer.Serialize(new { keys = new[] { JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(_toolRsa.ExportParameters(false)) { KeyId = ToolKey.KeyId }) } });
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Development");
            // A dynamic loopback port, so test classes run side by side.
            web.UseSetting("urls", "http://127.0.0.1:0");
            web.UseSetting("Database:ConnectionString", $"Data Source={_databasePath}");
            web.UseSetting("Demo:ToolJwksUrl", ToolJwksPath);
            // Paging tests need a gradebook of many columns: the seeded assignments are listed too (no real LMS does so).
            web.UseSetting("Demo:ShowAllLineItems", "true");
            web.ConfigureServices(services => services.AddTransient<IStartupFilter>(_ => new StaticJsonStartupFilter(ToolJwksPath, jwks)));
        });
        _factory.UseKestrel(0);
        _factory.StartServer();
        Client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        _toolRsa.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _databasePath, _databasePath + "-wal", _databasePath + "-shm" })
        {
            File.Delete(file);
        }
    }

    /// <summary>A client assertion as the tool signs it (RFC 7523 §3), with parts the tests can spoil.</summary>
    public string ClientAssertion(string? audience = null, string? jti = null, SecurityKey? key = null, long? expiresIn = 300)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var claims = new Dictionary<string, object>
        {
            ["iss"] = Platform.ClientId,
            ["sub"] = Platform.ClientId,
            ["aud"] = audience ?? Urls.TokenUrl,
            ["iat"] = now,
            ["exp"] = now + (expiresIn ?? 300),
            ["jti"] = jti ?? Guid.NewGuid().ToString(),
        };
        var signingKey = key ?? ToolKey;
        return new JsonWebTokenHandler().CreateToken(JsonSerializer.Serialize(claims), new SigningCredentials(signingKey, SecurityAlgorithms.RsaSha256));
    }

    public async Task<HttpResponseMessage> RequestTokenAsync(string assertion, string scope)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [LtiConstants.OAuth.GrantType] = LtiConstants.OAuth.GrantTypeClientCredentials,
            [LtiConstants.OAuth.ClientAssertionType] = LtiConstants.OAuth.ClientAssertionTypeJwtBearer,
            [LtiConstants.OAuth.ClientAssertion] = assertion,
            [LtiConstants.OAuth.Scope] = scope,
        });
        return await Client.PostAsync(new Uri(Urls.TokenUrl), form);
    }

    /// <summary>An access token with the given scopes, from the real token endpoint.</summary>
    public async Task<string> AccessTokenAsync(params string[] scopes)
    {
        using var response = await RequestTokenAsync(ClientAssertion(), string.Join(' ', scopes));
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("access_token").GetString()!;
    }

    public static HttpRequestMessage Authorized(HttpMethod method, string url, string token, string? accept = null)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }

        return request;
    }

    /// <summary>Serves a fixed JSON document at one path, ahead of the app's own pipeline.</summary>
    private sealed class StaticJsonStartupFilter(string path, string json) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, nextMiddleware) =>
            {
                if (context.Request.Path == path)
                {
                    context.Response.ContentType = "application/json";
                    await context.Response.WriteAsync(json, Encoding.UTF8);
                    return;
                }

                await nextMiddleware(context);
            });
            next(app);
        };
    }
}
