namespace LtiTool.Lti.Services;

/// <summary>Why a service call failed, in the terms a caller acts on (retry later, fix the registration, tell the instructor).</summary>
public enum LtiServiceError
{
    /// <summary>The launch offered no URL for this service.</summary>
    ServiceNotOffered,

    /// <summary>The service URL is not https (or allowed loopback http), or its host is not one the platform is registered with (catalogue case 83). No token was sent.</summary>
    UntrustedUrl,

    /// <summary>The launch did not offer a scope the call needs (AGS 2.0 §3.1).</summary>
    ScopeNotOffered,

    /// <summary>The token endpoint granted fewer scopes than the call needs (catalogue case 81).</summary>
    ScopeNotGranted,

    /// <summary>The token endpoint refused the client (400/401 with an OAuth error such as invalid_client or invalid_scope, RFC 6749 §5.2): fix the registration, do not retry.</summary>
    TokenRejected,

    /// <summary>The token endpoint could not be reached or kept failing after retries.</summary>
    TokenUnavailable,

    /// <summary>401 again with a fresh token (catalogue case 92).</summary>
    Unauthorized,

    /// <summary>403 that is not throttling.</summary>
    Forbidden,

    NotFound,

    /// <summary>Another 4xx: the platform refused the request as it is.</summary>
    Rejected,

    /// <summary>429 or Canvas's 403 "Rate Limit Exceeded" after the retries; <see cref="LtiServiceException.RetryAfter"/> may say when.</summary>
    Throttled,

    /// <summary>5xx, timeout or network failure after the retries: try again later.</summary>
    Transient,

    /// <summary>The platform's circuit is open after repeated failures: calls fail at once until it half-opens.</summary>
    CircuitOpen,

    /// <summary>The body is not the JSON the spec describes, or too large.</summary>
    MalformedResponse,

    /// <summary>A <c>next</c> link led back to a page already read (catalogue case 93).</summary>
    PagingLoop,

    /// <summary>More pages than <see cref="ServicesOptions.MaxPages"/>.</summary>
    PageLimitReached,

    /// <summary>A <c>next</c> link pointed to another origin; it was not followed.</summary>
    ForeignNextLink,
}
