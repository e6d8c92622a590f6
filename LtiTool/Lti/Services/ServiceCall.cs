using System.Diagnostics;
using LtiTool.Lti.Platforms;

namespace LtiTool.Lti.Services;

/// <summary>What every request of one client call shares: the platform, the narrowed scopes and the correlation id.</summary>
internal sealed record ServiceCall(Platform Platform, ScopeSet Scopes, IReadOnlyList<string> AcceptableScopes, string CorrelationId)
{
    public ServiceRequest Request(HttpMethod method, Uri url, ServiceCallKind kind) =>
        new(Platform, method, url, kind, Scopes, AcceptableScopes, CorrelationId);

    /// <summary>The caller's correlation id, else the current trace id, else a new one.</summary>
    public static string CorrelationOf(string? given) =>
        given ?? (Activity.Current is { } activity ? activity.TraceId.ToString() : Guid.NewGuid().ToString("N"));
}
