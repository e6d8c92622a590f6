namespace LtiTool.Lti.Services;

/// <summary>An OAuth 2 access token for LTI services (RFC 6749 §5.1). Its value never appears in ToString or logs.</summary>
public sealed class ServiceAccessToken(string value, ScopeSet scopes, DateTimeOffset refreshAt)
{
    internal string Value { get; } = value;

    /// <summary>The scopes granted: the response's <c>scope</c>, or the requested ones when it has none (RFC 6749 §5.1).</summary>
    public ScopeSet Scopes { get; } = scopes;

    /// <summary>When the cache stops handing the token out: shortly before it expires.</summary>
    public DateTimeOffset RefreshAt { get; } = refreshAt;

    public override string ToString() => $"Bearer token (redacted) for '{Scopes}' until {RefreshAt:O}";
}
