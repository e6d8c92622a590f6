using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using LtiTool.Lti.Http;
using LtiTool.Lti.Platforms;
using Microsoft.Extensions.Options;

namespace LtiTool.Lti.Services;

/// <summary>
/// OAuth 2 client credentials with a JWT client assertion for LTI Advantage services (RFC 6749 §4.4, RFC 7523 §2.2;
/// Security Framework §4.1). Tokens are cached per (registration, sorted scope set) until shortly before
/// <c>expires_in</c> (a short default when it is missing), and fetched single-flight: any number of concurrent callers
/// share one token request. A refused client (400/401 with an OAuth error) is reported, never retried.
/// </summary>
public sealed class ServiceTokenClient
{
    private readonly IHttpClientFactory _clients;
    private readonly ClientAssertionFactory _assertions;
    private readonly ServicePipelines _pipelines;
    private readonly UrlPolicy _urlPolicy;
    private readonly TimeProvider _time;
    private readonly ServicesOptions _options;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<(long PlatformId, string Scopes), TokenSlot> _slots = new();

    internal ServiceTokenClient(
        IHttpClientFactory clients,
        ClientAssertionFactory assertions,
        ServicePipelines pipelines,
        UrlPolicy urlPolicy,
        TimeProvider time,
        IOptions<ServicesOptions> options,
        ILogger<ServiceTokenClient> logger)
    {
        _clients = clients;
        _assertions = assertions;
        _pipelines = pipelines;
        _urlPolicy = urlPolicy;
        _time = time;
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>A live token for exactly these scopes: cached, or fetched once for all concurrent callers.</summary>
    public async Task<ServiceAccessToken> GetTokenAsync(Platform platform, ScopeSet scopes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(platform);
        ArgumentNullException.ThrowIfNull(scopes);
        var slot = _slots.GetOrAdd((platform.Id, scopes.Value), _ => new TokenSlot());
        Task<ServiceAccessToken> pending;
        lock (slot.Gate)
        {
            if (slot.Current is { } current && _time.GetUtcNow() < current.RefreshAt)
            {
                return current;
            }

            // The fetch is shared, so one caller giving up does not cancel it for the others.
            pending = slot.InFlight ??= FetchAsync(slot, platform, scopes);
        }

        return await pending.WaitAsync(cancellationToken);
    }

    /// <summary>Drops a token the platform refused (401), unless another caller has already replaced it (catalogue case 92).</summary>
    public void Invalidate(Platform platform, ServiceAccessToken token)
    {
        ArgumentNullException.ThrowIfNull(platform);
        ArgumentNullException.ThrowIfNull(token);
        if (_slots.TryGetValue((platform.Id, token.Scopes.Value), out var slot))
        {
            lock (slot.Gate)
            {
                if (ReferenceEquals(slot.Current, token))
                {
                    slot.Current = null;
                }
            }
        }

        // A token granted fewer scopes than asked lives in the slot of the asked set.
        foreach (var other in _slots.Where(s => s.Key.PlatformId == platform.Id).Select(s => s.Value))
        {
            lock (other.Gate)
            {
                if (ReferenceEquals(other.Current, token))
                {
                    other.Current = null;
                }
            }
        }
    }

    private async Task<ServiceAccessToken> FetchAsync(TokenSlot slot, Platform platform, ScopeSet scopes)
    {
        // Let the caller publish InFlight before this completes, even when it completes at once.
        await Task.Yield();
        try
        {
            var token = await RequestAsync(platform, scopes);
            lock (slot.Gate)
            {
                slot.Current = token;
                slot.InFlight = null;
            }

            return token;
        }
        catch
        {
            lock (slot.Gate)
            {
                slot.InFlight = null;
            }

            throw;
        }
    }

    private async Task<ServiceAccessToken> RequestAsync(Platform platform, ScopeSet scopes)
    {
        if (!_urlPolicy.IsAllowed(platform.TokenUrl))
        {
            throw new LtiServiceException(LtiServiceError.UntrustedUrl, $"The token URL of {platform.Issuer} is not an allowed URL.");
        }

        ServicesLog.TokenRequested(_logger, platform.Issuer, scopes.Value);
        var requestedAt = _time.GetUtcNow();
        var client = _clients.CreateClient(ServiceHttp.HttpClientName);
        HttpResponseMessage response;
        try
        {
            response = await _pipelines.ExecuteAsync(ServiceCallKind.Token, platform, string.Empty, async cancellationToken =>
            {
                // A new assertion per attempt: the platform may refuse a reused jti (RFC 7523 §3 item 7).
                var assertion = await _assertions.CreateAsync(platform, cancellationToken);
                using var request = new HttpRequestMessage(HttpMethod.Post, platform.TokenUrl)
                {
                    Content = new FormUrlEncodedContent(new Dictionary<string, string>
                    {
                        [LtiConstants.OAuth.GrantType] = LtiConstants.OAuth.GrantTypeClientCredentials,
                        [LtiConstants.OAuth.ClientAssertionType] = LtiConstants.OAuth.ClientAssertionTypeJwtBearer,
                        [LtiConstants.OAuth.ClientAssertion] = assertion,
                        [LtiConstants.OAuth.Scope] = scopes.Value,
                    }),
                };
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(System.Net.Mime.MediaTypeNames.Application.Json));
                return await ServiceHttp.SendBufferedAsync(client, request, _options.MaxResponseBytes, cancellationToken);
            }, CancellationToken.None);
        }
        catch (LtiServiceException ex) when (ex.Error is LtiServiceError.Transient or LtiServiceError.CircuitOpen)
        {
            ServicesLog.TokenUnavailable(_logger, platform.Issuer, ex.Error.ToString());
            throw new LtiServiceException(
                ex.Error == LtiServiceError.CircuitOpen ? LtiServiceError.CircuitOpen : LtiServiceError.TokenUnavailable,
                $"No access token from {platform.Issuer}: {ex.Message}", retryAfter: ex.RetryAfter, innerException: ex);
        }

        using (response)
        {
            var body = ((ServiceContent)response.Content).Body;
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return ReadToken(platform, scopes, body, requestedAt);
            }

            if (response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized)
            {
                // RFC 6749 §5.2. Only the error code is kept: the description may echo what was sent.
                var error = TryReadError(body) ?? "unknown_error";
                ServicesLog.TokenRejected(_logger, platform.Issuer, (int)response.StatusCode, error, scopes.Value);
                throw new LtiServiceException(
                    LtiServiceError.TokenRejected, $"The token endpoint of {platform.Issuer} refused the client: {error}.", response.StatusCode, oauthError: error);
            }

            ServicesLog.TokenUnavailable(_logger, platform.Issuer, ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
            throw new LtiServiceException(
                ServiceFailures.IsThrottled(response) ? LtiServiceError.Throttled : LtiServiceError.TokenUnavailable,
                $"The token endpoint of {platform.Issuer} answered {(int)response.StatusCode}.",
                response.StatusCode,
                RetryAfter.Read(response.Headers, _time.GetUtcNow(), _options.MaxRetryDelay));
        }
    }

    private ServiceAccessToken ReadToken(Platform platform, ScopeSet requested, byte[] body, DateTimeOffset requestedAt)
    {
        var response = ServiceJson.Read<TokenResponse>(body, ServiceJson.SnakeCase, "token");
        if (string.IsNullOrEmpty(response.AccessToken) || !string.Equals(response.TokenType, LtiConstants.OAuthResponses.BearerScheme, StringComparison.OrdinalIgnoreCase))
        {
            throw new LtiServiceException(LtiServiceError.MalformedResponse, $"The token response of {platform.Issuer} has no bearer access_token (RFC 6750 §4).");
        }

        var lifetime = response.ExpiresIn is > 0 and var seconds
            ? TimeSpan.FromSeconds(Math.Min(seconds, _options.MaxTokenLifetime.TotalSeconds))
            : _options.DefaultTokenLifetime;
        var margin = TimeSpan.FromTicks(Math.Min(_options.TokenRefreshMargin.Ticks, lifetime.Ticks / 2));
        var granted = string.IsNullOrWhiteSpace(response.Scope) ? requested : ScopeSet.Of([response.Scope]);
        return new ServiceAccessToken(response.AccessToken, granted, requestedAt + lifetime - margin);
    }

    private static string? TryReadError(byte[] body)
    {
        try
        {
            return System.Text.Json.JsonSerializer.Deserialize<TokenError>(body, ServiceJson.SnakeCase)?.Error;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private sealed class TokenSlot
    {
        public Lock Gate { get; } = new();

        public ServiceAccessToken? Current { get; set; }

        public Task<ServiceAccessToken>? InFlight { get; set; }
    }

    /// <summary>RFC 6749 §5.1.</summary>
    private sealed record TokenResponse(string? AccessToken, string? TokenType, double? ExpiresIn, string? Scope);

    /// <summary>RFC 6749 §5.2.</summary>
    private sealed record TokenError(string? Error);
}
