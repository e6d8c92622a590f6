using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using LtiTool.Lti;
using LtiTool.Lti.Platforms;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.Tokens;

namespace LtiTool.Tests.TestSupport;

/// <summary>
/// A minimal LTI 1.3 platform for launch tests: its own RSA keys, a JWKS served on a loopback port (so the tool
/// fetches it over real HTTP and tests can rotate or break it), and id_tokens with valid defaults for every
/// required claim that a test then tampers with.
/// </summary>
public sealed class TestPlatform : IAsyncDisposable
{
    public const string ClientId = "test-client";
    public const string DeploymentId = "deployment-1";

    private readonly WebApplication _jwksServer;
    private readonly List<RsaKey> _publishedKeys = [];

    private TestPlatform(WebApplication jwksServer, string baseUrl)
    {
        _jwksServer = jwksServer;
        BaseUrl = baseUrl;
        SigningKey = NewKey();
        _publishedKeys.Add(SigningKey);
    }

    public string BaseUrl { get; }

    public string Issuer => BaseUrl;

    public string JwksUrl => BaseUrl + "/jwks.json";

    public string AuthUrl => BaseUrl + "/authorize";

    /// <summary>The key that signs tokens by default; published in the JWKS.</summary>
    public RsaKey SigningKey { get; private set; }

    /// <summary>How many times the tool fetched the JWKS.</summary>
    public int JwksRequests { get; private set; }

    /// <summary>When set, the JWKS endpoint answers with this status and no keys.</summary>
    public HttpStatusCode? JwksFailure { get; set; }

    public static async Task<TestPlatform> StartAsync()
    {
        TestPlatform? platform = null;
        var (app, address) = await LoopbackServer.StartAsync(app => app.MapGet("/jwks.json", (HttpContext context) => platform!.ServeJwks(context)));
        platform = new TestPlatform(app, address);
        return platform;
    }

    public static RsaKey NewKey(int bits = 2048) => new(RSA.Create(bits), Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(12)));

    /// <summary>Adds a key to the JWKS (it does not sign unless made the signing key).</summary>
    public void Publish(RsaKey key) => _publishedKeys.Add(key);

    public void Unpublish(RsaKey key) => _publishedKeys.Remove(key);

    /// <summary>Rotation: a new key signs and is published beside the old one.</summary>
    public RsaKey Rotate()
    {
        SigningKey = NewKey();
        _publishedKeys.Add(SigningKey);
        return SigningKey;
    }

    public Task<Platform> RegisterAsync(ToolHost tool, params string[] deploymentIds) =>
        tool.Platforms.AddAsync(new PlatformRegistration(
            Issuer, ClientId, AuthUrl, BaseUrl + "/token", null, JwksUrl, deploymentIds.Length == 0 ? [DeploymentId] : deploymentIds));

    /// <summary>A valid resource-link launch for a learner, for the given login.</summary>
    public Dictionary<string, object?> ResourceLinkClaims(string nonce, string targetLinkUri, DateTimeOffset now) => new()
    {
        [LtiConstants.Claims.Issuer] = Issuer,
        [LtiConstants.Claims.Audience] = ClientId,
        [LtiConstants.Claims.Subject] = "student-7",
        [LtiConstants.Claims.Expires] = now.AddMinutes(5).ToUnixTimeSeconds(),
        [LtiConstants.Claims.IssuedAt] = now.ToUnixTimeSeconds(),
        [LtiConstants.Claims.Nonce] = nonce,
        [LtiConstants.Claims.Name] = "Ada Lovelace",
        [LtiConstants.Claims.MessageType] = LtiConstants.MessageTypes.ResourceLinkRequest,
        [LtiConstants.Claims.Version] = LtiConstants.LtiVersion,
        [LtiConstants.Claims.DeploymentId] = DeploymentId,
        [LtiConstants.Claims.TargetLinkUri] = targetLinkUri,
        [LtiConstants.Claims.ResourceLink] = new Dictionary<string, object?> { ["id"] = "rl-1", ["title"] = "Practice panel" },
        [LtiConstants.Claims.Roles] = new[] { LtiConstants.Roles.Learner },
        [LtiConstants.Claims.Context] = new Dictionary<string, object?> { ["id"] = "course-1", ["title"] = "Algebra I", ["label"] = "ALG1" },
    };

    /// <summary>Signs claims as a JWS with the given (or the signing) key; header fields can be added or overridden.</summary>
    public string Sign(IDictionary<string, object?> claims, RsaKey? key = null, IDictionary<string, object?>? header = null, string algorithm = "RS256")
    {
        key ??= SigningKey;
        var headerValues = new Dictionary<string, object?> { ["alg"] = algorithm, ["typ"] = "JWT", ["kid"] = key.Kid };
        foreach (var (name, value) in header ?? new Dictionary<string, object?>())
        {
            if (value is null)
            {
                headerValues.Remove(name);
            }
            else
            {
                headerValues[name] = value;
            }
        }

        var signingInput = Encode(headerValues) + "." + Encode(claims);
        var hash = algorithm switch
        {
            "RS384" => HashAlgorithmName.SHA384,
            "RS512" => HashAlgorithmName.SHA512,
            _ => HashAlgorithmName.SHA256,
        };
        var signature = key.Rsa.SignData(Encoding.ASCII.GetBytes(signingInput), hash, RSASignaturePadding.Pkcs1);
        return signingInput + "." + Base64UrlEncoder.Encode(signature);
    }

    /// <summary>An unsigned JWS-shaped token with arbitrary header, payload and signature segments.</summary>
    public static string Assemble(IDictionary<string, object?> header, IDictionary<string, object?> claims, string signature) =>
        Encode(header) + "." + Encode(claims) + "." + signature;

    public static string Encode(object value) => Base64UrlEncoder.Encode(JsonSerializer.SerializeToUtf8Bytes(value));

    public async ValueTask DisposeAsync()
    {
        await LoopbackServer.StopAsync(_jwksServer);
        foreach (var key in _publishedKeys)
        {
            key.Rsa.Dispose();
        }
    }

    private IResult ServeJwks(HttpContext context)
    {
        JwksRequests++;
        if (JwksFailure is { } status)
        {
            return Results.StatusCode((int)status);
        }

        context.Response.Headers.CacheControl = "max-age=300";
        return Results.Json(new { keys = _publishedKeys.Select(k => k.PublicJwk()).ToArray() });
    }
}

/// <summary>An RSA key with its kid.</summary>
public sealed record RsaKey(RSA Rsa, string Kid)
{
    public Dictionary<string, string> PublicJwk()
    {
        var parameters = Rsa.ExportParameters(false);
        return new Dictionary<string, string>
        {
            ["kty"] = "RSA",
            ["kid"] = Kid,
            ["use"] = "sig",
            ["alg"] = "RS256",
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
        };
    }
}
