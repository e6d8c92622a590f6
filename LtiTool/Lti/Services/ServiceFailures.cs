using System.Net;
using System.Text;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace LtiTool.Lti.Services;

/// <summary>Which outcomes are worth another attempt, and which count against a platform's health.</summary>
internal static class ServiceFailures
{
    /// <summary>Canvas throttles with 403 and this body, plus <c>X-Rate-Limit-Remaining: 0</c> (Canvas throttling docs; catalogue case 87).</summary>
    public const string CanvasThrottleBody = "Rate Limit Exceeded";

    /// <summary>Outcomes retried: network errors, attempt timeouts, 408, 429, 5xx and Canvas's throttling 403.</summary>
    public static bool IsRetryable(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: BrokenCircuitException } => false,
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result: { } response } => IsTransientStatus(response.StatusCode) || IsThrottled(response),
        _ => false,
    };

    /// <summary>Outcomes that say the platform is unwell (not merely busy): they count toward opening its circuit.</summary>
    public static bool IsPlatformFailure(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result: { } response } => response.StatusCode == HttpStatusCode.RequestTimeout || (int)response.StatusCode >= 500,
        _ => false,
    };

    /// <summary>429, or Canvas's 403 whose body says "Rate Limit Exceeded": throttling, not an auth failure.</summary>
    public static bool IsThrottled(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return IsThrottled(response.StatusCode, response.Content is ServiceContent content ? content.Body : []);
    }

    public static bool IsThrottled(HttpStatusCode status, byte[] body) =>
        status == HttpStatusCode.TooManyRequests
        || (status == HttpStatusCode.Forbidden && Encoding.UTF8.GetString(body).Contains(CanvasThrottleBody, StringComparison.OrdinalIgnoreCase));

    private static bool IsTransientStatus(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;
}
