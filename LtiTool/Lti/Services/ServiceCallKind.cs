namespace LtiTool.Lti.Services;

/// <summary>Call types with their own retry policy (security catalogue c.3).</summary>
public enum ServiceCallKind
{
    /// <summary>GETs: retried with jittered exponential backoff honouring Retry-After.</summary>
    Read,

    /// <summary>Score POST: retried, idempotent because the caller fixes the timestamp (AGS 2.0 §3.4; catalogue c.4).</summary>
    Score,

    /// <summary>Token request: retried on 5xx/429/timeouts, never on 400/401 (RFC 6749 §5.2); each attempt signs a new assertion.</summary>
    Token,

    /// <summary>Line item create, update, delete: never retried blindly (a lost 201 would duplicate a gradebook column).</summary>
    Write,
}
