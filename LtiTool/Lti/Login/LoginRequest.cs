using Microsoft.AspNetCore.Http.Extensions;

namespace LtiTool.Lti.Login;

/// <summary>The parameters of a third-party-initiated login (Security Framework §5.1.1.1; LTI 1.3 Core §4.1).</summary>
public sealed record LoginRequest(
    string? Issuer,
    string? LoginHint,
    string? TargetLinkUri,
    string? LtiMessageHint,
    string? ClientId,
    string? DeploymentId,
    string? StorageTarget)
{
    // Caps well above real values (Canvas message hints are JWTs of about 1 KB) that stop oversized input early.
    private const int MaxUrlLength = 2048;
    private const int MaxHintLength = 8192;
    private const int MaxIdLength = 255;

    /// <summary>Reads the parameters from the query (GET) or the form (POST): the tool must support both.</summary>
    public static async Task<LoginRequest> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var values = request.HasFormContentType
            ? (await request.ReadFormAsync(cancellationToken)).ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal)
            : request.Query.ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal);
        string? Get(string name) => values.TryGetValue(name, out var value) && value.Length > 0 ? value : null;
        return new LoginRequest(
            Get(LtiConstants.LoginParameters.Issuer),
            Get(LtiConstants.LoginParameters.LoginHint),
            Get(LtiConstants.LoginParameters.TargetLinkUri),
            Get(LtiConstants.LoginParameters.LtiMessageHint),
            Get(LtiConstants.LoginParameters.ClientId),
            Get(LtiConstants.LoginParameters.DeploymentId),
            Get(LtiConstants.LoginParameters.StorageTarget));
    }

    public LtiError? Validate()
    {
        if (Issuer is null || LoginHint is null || TargetLinkUri is null)
        {
            return LtiErrors.LoginParameterMissing;
        }

        var tooLong = Issuer.Length > MaxUrlLength
            || TargetLinkUri.Length > MaxUrlLength
            || LoginHint.Length > MaxHintLength
            || LtiMessageHint?.Length > MaxHintLength
            || ClientId?.Length > MaxIdLength
            || DeploymentId?.Length > MaxIdLength
            || StorageTarget?.Length > MaxIdLength;
        return tooLong ? LtiErrors.LoginParameterTooLong : null;
    }

    /// <summary>The same login as a top-level URL, for the "open in a new window" fallback when cookies are blocked.</summary>
    public string ToRestartUrl(string loginUrl)
    {
        var query = new QueryBuilder
        {
            { LtiConstants.LoginParameters.Issuer, Issuer ?? string.Empty },
            { LtiConstants.LoginParameters.LoginHint, LoginHint ?? string.Empty },
            { LtiConstants.LoginParameters.TargetLinkUri, TargetLinkUri ?? string.Empty },
        };
        AddIfPresent(query, LtiConstants.LoginParameters.LtiMessageHint, LtiMessageHint);
        AddIfPresent(query, LtiConstants.LoginParameters.ClientId, ClientId);
        AddIfPresent(query, LtiConstants.LoginParameters.DeploymentId, DeploymentId);
        return loginUrl + query.ToQueryString().Value;
    }

    private static void AddIfPresent(QueryBuilder query, string name, string? value)
    {
        if (value is not null)
        {
            query.Add(name, value);
        }
    }
}
