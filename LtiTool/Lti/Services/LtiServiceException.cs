using System.Net;

namespace LtiTool.Lti.Services;

/// <summary>A failed LTI Advantage service call. The message never holds tokens, assertions or response bodies.</summary>
public sealed class LtiServiceException : Exception
{
    public LtiServiceException()
        : this(LtiServiceError.Transient, "The LTI service call failed.")
    {
    }

    public LtiServiceException(string message)
        : this(LtiServiceError.Transient, message)
    {
    }

    public LtiServiceException(string message, Exception innerException)
        : this(LtiServiceError.Transient, message, innerException: innerException)
    {
    }

    public LtiServiceException(
        LtiServiceError error, string message, HttpStatusCode? statusCode = null, TimeSpan? retryAfter = null, string? oauthError = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Error = error;
        StatusCode = statusCode;
        RetryAfter = retryAfter;
        OAuthError = oauthError;
    }

    public LtiServiceError Error { get; }

    public HttpStatusCode? StatusCode { get; }

    /// <summary>When the platform said to come back (Retry-After), capped.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>The OAuth error code of a refused token request (RFC 6749 §5.2), e.g. invalid_scope.</summary>
    public string? OAuthError { get; }

    /// <summary>
    /// True when the platform answered with an HTML page instead of the service's JSON: a crash of the platform's
    /// service code rather than a refusal (Moodle 5.0's results endpoint with <c>limit</c>, issue 10).
    /// </summary>
    public bool AnsweredWithHtml { get; init; }

    /// <summary>True when trying again later may succeed.</summary>
    public bool IsTransient => Error is LtiServiceError.Transient or LtiServiceError.Throttled or LtiServiceError.CircuitOpen or LtiServiceError.TokenUnavailable;
}
