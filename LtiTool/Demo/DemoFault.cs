namespace LtiTool.Demo;

/// <summary>Failures the demo LMS can be told to produce, each one a behaviour seen from real LMSs at term start.</summary>
public enum DemoFault
{
    None,

    /// <summary>Canvas throttling: 403 with body "Rate Limit Exceeded" and <c>X-Rate-Limit-Remaining: 0</c>.</summary>
    CanvasThrottle403,

    /// <summary>429 Too Many Requests with <c>Retry-After</c> (RFC 6585 §4).</summary>
    TooManyRequests429,

    /// <summary>500 Internal Server Error.</summary>
    ServerError500,

    /// <summary>Holds the request for <see cref="DemoOptions.FaultTimeoutDelay"/>, so the client's timeout fires first.</summary>
    Timeout,

    /// <summary>200 with the right media type and a truncated JSON body.</summary>
    MalformedJson,

    /// <summary>A paged container whose <c>next</c> link points at the page just served.</summary>
    PagingLoop,
}

/// <summary>The kinds of demo endpoint a fault can be limited to.</summary>
public enum DemoEndpointKind
{
    Token,
    Ags,
    Nrps,
    Jwks,
}
