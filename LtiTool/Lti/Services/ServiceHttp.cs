using System.Net;
using System.Net.Http.Headers;
using System.Text;
using LtiTool.Lti.Platforms;
using Microsoft.Extensions.Options;

namespace LtiTool.Lti.Services;

/// <summary>One service request: where, how, with which scopes, and for whom in the logs.</summary>
internal sealed record ServiceRequest(
    Platform Platform, HttpMethod Method, Uri Url, ServiceCallKind Kind, ScopeSet Scopes, IReadOnlyList<string> AcceptableScopes, string CorrelationId)
{
    public string? Accept { get; init; }

    public byte[]? Body { get; init; }

    /// <summary>The body of every send after the first (a retry, or the resend after a 401); <see cref="Body"/> when null.</summary>
    public byte[]? RepeatBody { get; init; }

    public string? ContentType { get; init; }
}

/// <summary>
/// Sends service requests with a bearer token (RFC 6750 §2.1) under the call type's resilience pipeline. A 401 drops
/// the token and retries once with a new one (catalogue case 92). Only URLs checked by <see cref="ServiceUrlGuard"/>
/// reach this class.
/// </summary>
internal sealed class ServiceHttp(
    IHttpClientFactory clients, ServiceTokenClient tokens, ServicePipelines pipelines, TimeProvider time, IOptions<ServicesOptions> options, ILogger<ServiceHttp> logger)
{
    public const string HttpClientName = "lti-services";

    /// <summary>
    /// The handler of the services' HttpClient: no redirects (a redirect could carry the call elsewhere), and headers
    /// decoded as UTF-8 so Moodle's <c>rel=“next”</c> arrives as written rather than as Latin-1 mojibake.
    /// </summary>
    public static SocketsHttpHandler CreateHandler() => new()
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        ConnectTimeout = TimeSpan.FromSeconds(5),
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        AutomaticDecompression = DecompressionMethods.All,
        ResponseHeaderEncodingSelector = (_, _) => Encoding.UTF8,
    };

    /// <summary>Sends and reads the whole body (size-limited) inside the attempt, so the attempt timeout covers it.</summary>
    public static async Task<HttpResponseMessage> SendBufferedAsync(HttpClient client, HttpRequestMessage request, int maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        try
        {
            var original = response.Content;
            var body = await ServiceJson.ReadBoundedAsync(original, maxBytes, cancellationToken);
            response.Content = new ServiceContent(body, original);
            original.Dispose();
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    public async Task<ServiceResponse> SendAsync(ServiceRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var platform = request.Platform;
        var client = clients.CreateClient(HttpClientName);
        var sends = 0;
        for (var authAttempt = 0; ; authAttempt++)
        {
            var token = await tokens.GetTokenAsync(platform, request.Scopes, cancellationToken);
            if (!token.Scopes.ContainsAny(request.AcceptableScopes))
            {
                throw new LtiServiceException(LtiServiceError.ScopeNotGranted, $"{platform.Issuer} did not grant any of the scopes this call needs: {string.Join(' ', request.AcceptableScopes)}.");
            }

            using var response = await pipelines.ExecuteAsync(request.Kind, platform, request.CorrelationId, ct => SendOnceAsync(client, request, sends++ == 0 ? request.Body : request.RepeatBody ?? request.Body, token, ct), cancellationToken);
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                tokens.Invalidate(platform, token);
                if (authAttempt == 0)
                {
                    ServicesLog.Unauthorized(logger, platform.Issuer, request.Method.Method, request.Url.AbsolutePath, request.CorrelationId);
                    continue;
                }

                ServicesLog.CallFailed(logger, request.Method.Method, request.Url.AbsolutePath, platform.Issuer, LtiServiceError.Unauthorized, 401, request.CorrelationId);
                throw new LtiServiceException(LtiServiceError.Unauthorized, $"{platform.Issuer} refused a fresh access token (401).", HttpStatusCode.Unauthorized);
            }

            return new ServiceResponse(response.StatusCode, response.Headers, ((ServiceContent)response.Content).Body, request.Url, response.Content.Headers.ContentType?.MediaType);
        }
    }

    /// <summary>
    /// The typed error of a non-success response: throttling (429, Canvas 403 "Rate Limit Exceeded"), 5xx, 403, 404 or
    /// another refusal, logged with the platform and correlation id.
    /// </summary>
    public LtiServiceException Failure(ServiceRequest request, ServiceResponse response)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(response);
        var error = response.Status switch
        {
            _ when ServiceFailures.IsThrottled(response.Status, response.Body) => LtiServiceError.Throttled,
            HttpStatusCode.Forbidden => LtiServiceError.Forbidden,
            HttpStatusCode.NotFound => LtiServiceError.NotFound,
            HttpStatusCode.RequestTimeout => LtiServiceError.Transient,
            >= HttpStatusCode.InternalServerError => LtiServiceError.Transient,
            _ => LtiServiceError.Rejected,
        };
        ServicesLog.CallFailed(logger, request.Method.Method, request.Url.AbsolutePath, request.Platform.Issuer, error, (int)response.Status, request.CorrelationId);
        var retryAfter = RetryAfter.Read(response.Headers, time.GetUtcNow(), options.Value.MaxRetryDelay);
        return new LtiServiceException(error, $"{request.Method} {request.Url.AbsolutePath} at {request.Platform.Issuer} answered {(int)response.Status}.", response.Status, retryAfter)
        {
            AnsweredWithHtml = response.IsHtml,
        };
    }

    /// <summary>One page of a container: GET with the container's media type, the items parsed, the Link header kept.</summary>
    public async Task<ServicePage<T>> GetPageAsync<T>(ServiceCall call, Uri url, string accept, Func<byte[], IReadOnlyList<T>> parse, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(parse);
        var request = call.Request(HttpMethod.Get, url, ServiceCallKind.Read) with { Accept = accept };
        var response = await SendAsync(request, cancellationToken);
        return response.IsSuccess ? new ServicePage<T>(url, parse(response.Body), response.Links) : throw Failure(request, response);
    }

    private async Task<HttpResponseMessage> SendOnceAsync(HttpClient client, ServiceRequest request, byte[]? body, ServiceAccessToken token, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(request.Method, request.Url);
        message.Headers.Authorization = new AuthenticationHeaderValue(LtiConstants.OAuthResponses.BearerScheme, token.Value);
        if (request.Accept is { } accept)
        {
            message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        }

        if (body is not null)
        {
            message.Content = new ByteArrayContent(body);
            message.Content.Headers.ContentType = new MediaTypeHeaderValue(request.ContentType ?? System.Net.Mime.MediaTypeNames.Application.Json);
        }

        return await SendBufferedAsync(client, message, options.Value.MaxResponseBytes, cancellationToken);
    }
}
