using LtiTool.Lti;

namespace LtiTool.Demo;

/// <summary>
/// <c>POST /demo/token</c>: OAuth 2 client credentials with a JWT client assertion (RFC 6749 §4.4, RFC 7523 §2.2;
/// Security Framework §4.1), answered as Moodle's <c>token.php</c> does.
/// </summary>
internal static class DemoTokenEndpoint
{
    private static readonly string[] AllowedScopes =
    [
        LtiConstants.Scopes.LineItem,
        LtiConstants.Scopes.LineItemReadOnly,
        LtiConstants.Scopes.ResultReadOnly,
        LtiConstants.Scopes.Score,
        LtiConstants.Scopes.ContextMembershipReadOnly,
    ];

    public static async Task<IResult> HandleAsync(
        HttpContext context, DemoPlatform platform, DemoBaseUrl baseUrl, DemoToolTokenValidator validator, DemoAccessTokens tokens)
    {
        if (!context.Request.HasFormContentType)
        {
            return Error(DemoSpecNames.InvalidRequest, "The request must be application/x-www-form-urlencoded.");
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        if (form[LtiConstants.OAuth.GrantType] != LtiConstants.OAuth.GrantTypeClientCredentials)
        {
            return Error(DemoSpecNames.UnsupportedGrantType, "grant_type must be client_credentials.");
        }

        if (form[LtiConstants.OAuth.ClientAssertionType] != LtiConstants.OAuth.ClientAssertionTypeJwtBearer)
        {
            return Error(DemoSpecNames.InvalidRequest, "client_assertion_type must be " + LtiConstants.OAuth.ClientAssertionTypeJwtBearer + ".");
        }

        var urls = baseUrl.ForRequest(context.Request);
        var check = await validator.ValidateAsync(form[LtiConstants.OAuth.ClientAssertion], platform.ClientId, urls.TokenUrl, urls, context.RequestAborted);
        if (check.Token is not { } assertion)
        {
            return Error(DemoSpecNames.InvalidClient, check.Error!, StatusCodes.Status401Unauthorized);
        }

        if (assertion.Subject != platform.ClientId)
        {
            return Error(DemoSpecNames.InvalidClient, "sub must be the client id.", StatusCodes.Status401Unauthorized);
        }

        if (string.IsNullOrEmpty(assertion.Id) || !tokens.TryUseAssertionId(assertion.Id, assertion.ValidTo))
        {
            return Error(DemoSpecNames.InvalidGrant, "jti is missing or the assertion was used before.");
        }

        var requested = form[LtiConstants.OAuth.Scope].ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var granted = requested.Where(AllowedScopes.Contains).Distinct(StringComparer.Ordinal).ToArray();
        if (granted.Length == 0)
        {
            return Error(DemoSpecNames.InvalidScope, "None of the requested scopes is allowed.");
        }

        context.Response.Headers.CacheControl = "no-store";
        return Results.Json(new
        {
            access_token = tokens.Issue(granted),
            token_type = DemoSpecNames.BearerScheme,
            expires_in = (int)DemoAccessTokens.Lifetime.TotalSeconds,
            scope = string.Join(' ', granted),
        });
    }

    /// <summary>An OAuth 2 error response (RFC 6749 §5.2).</summary>
    private static IResult Error(string error, string description, int status = StatusCodes.Status400BadRequest) =>
        Results.Json(new { error, error_description = description }, statusCode: status);
}
