using LtiTool.Lti;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace LtiTool.Demo;

/// <summary>The outcome of checking a JWT the tool signed: the token, or why it was refused.</summary>
public sealed record DemoToolTokenCheck(JsonWebToken? Token, string? Error)
{
    public static DemoToolTokenCheck Refused(string error) => new(null, error);
}

/// <summary>
/// Checks JWTs signed by the tool (client assertions, deep linking responses) as a platform must: RS256 only, a kid
/// that the tool's JWKS publishes (fetched over HTTP every time, so a rotated key is seen at once), issuer, audience
/// and lifetime read against the injected clock (Security Framework §5.1.3, §6; RFC 7523 §3).
/// </summary>
public sealed class DemoToolTokenValidator(IHttpClientFactory httpClients, IOptions<DemoOptions> options, TimeProvider time)
{
    public const string HttpClientName = "demo-tool-jwks";

    /// <summary>Clock skew tolerated between tool and platform.</summary>
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(1);

    /// <summary>Tokens larger than this are refused before parsing.</summary>
    private const int MaxTokenLength = 64 * 1024;

    public async Task<DemoToolTokenCheck> ValidateAsync(string? jwt, string expectedIssuer, string expectedAudience, DemoUrls urls, CancellationToken cancellationToken)
    {
        var handler = new JsonWebTokenHandler();
        if (string.IsNullOrEmpty(jwt) || jwt.Length > MaxTokenLength || !handler.CanReadToken(jwt))
        {
            return DemoToolTokenCheck.Refused("The JWT is missing or malformed.");
        }

        var token = handler.ReadJsonWebToken(jwt);
        if (token.Alg != LtiConstants.SigningAlgorithm)
        {
            return DemoToolTokenCheck.Refused($"The JWT must be signed with {LtiConstants.SigningAlgorithm}.");
        }

        if (string.IsNullOrEmpty(token.Kid))
        {
            return DemoToolTokenCheck.Refused("The JWT header has no kid.");
        }

        var keys = await FetchToolKeysAsync(urls, cancellationToken);
        var key = keys?.Keys.FirstOrDefault(k => k.Kid == token.Kid);
        if (key is null)
        {
            return DemoToolTokenCheck.Refused(keys is null ? "The tool's JWKS could not be fetched." : "The tool's JWKS has no key with this kid.");
        }

        var result = await handler.ValidateTokenAsync(jwt, new TokenValidationParameters
        {
            IssuerSigningKey = key,
            ValidAlgorithms = [LtiConstants.SigningAlgorithm],
            ValidIssuer = expectedIssuer,
            ValidAudience = expectedAudience,
            // Lifetime is checked below against TimeProvider, which the handler does not use.
            ValidateLifetime = false,
            RequireExpirationTime = true,
        });
        if (!result.IsValid)
        {
            return DemoToolTokenCheck.Refused(result.Exception is SecurityTokenInvalidSignatureException
                ? "The JWT signature is not valid."
                : $"The JWT was refused: {result.Exception?.GetType().Name}.");
        }

        return CheckLifetime(token);
    }

    private DemoToolTokenCheck CheckLifetime(JsonWebToken token)
    {
        if (!token.TryGetPayloadValue<long>(LtiConstants.Claims.Expires, out var exp) || !token.TryGetPayloadValue<long>(LtiConstants.Claims.IssuedAt, out var iat))
        {
            return DemoToolTokenCheck.Refused("The JWT needs numeric exp and iat.");
        }

        var now = time.GetUtcNow();
        if (DateTimeOffset.FromUnixTimeSeconds(exp) + ClockSkew <= now)
        {
            return DemoToolTokenCheck.Refused("The JWT has expired.");
        }

        return DateTimeOffset.FromUnixTimeSeconds(iat) - ClockSkew > now
            ? DemoToolTokenCheck.Refused("The JWT was issued in the future.")
            : new DemoToolTokenCheck(token, null);
    }

    private async Task<JsonWebKeySet?> FetchToolKeysAsync(DemoUrls urls, CancellationToken cancellationToken)
    {
        try
        {
            using var client = httpClients.CreateClient(HttpClientName);
            var configured = options.Value.ToolJwksUrl;
            var url = configured is null ? urls.ToolJwksUrl : configured.StartsWith('/') ? urls.BaseUrl + configured : configured;
            var json = await client.GetStringAsync(new Uri(url), cancellationToken);
            return new JsonWebKeySet(json);
        }
        catch (Exception ex) when (ex is HttpRequestException or ArgumentException or System.Text.Json.JsonException or TaskCanceledException)
        {
            return null;
        }
    }
}
