namespace LtiTool.Lti.Services;

/// <summary>
/// Scope narrowing (reference pain point 8; Security Framework §4.1 "subset"): a token asks only for scopes that the
/// launch offered and the caller needs. Asking for more makes platforms refuse the whole token request.
/// </summary>
internal static class ServiceScopes
{
    /// <summary>
    /// The scope set for one call. <paramref name="acceptable"/> lists the scopes that allow the call, preferred first
    /// (read-only before read-write). With no declared needs the call asks for its one scope; with declared needs it asks
    /// for the offered part of them, so one token serves a whole batch of calls.
    /// </summary>
    public static ScopeSet ForCall(IReadOnlyCollection<string> offered, IReadOnlyCollection<string>? needed, IReadOnlyList<string> acceptable, string issuer)
    {
        var chosen = acceptable.FirstOrDefault(offered.Contains)
            ?? throw new LtiServiceException(LtiServiceError.ScopeNotOffered, $"The launch from {issuer} did not offer any of the scopes this call needs: {string.Join(' ', acceptable)}.");
        if (needed is null)
        {
            return ScopeSet.Of([chosen]);
        }

        var batch = needed.Where(offered.Contains).ToList();
        if (!batch.Any(acceptable.Contains))
        {
            batch.Add(chosen);
        }

        return ScopeSet.Of(batch);
    }
}
