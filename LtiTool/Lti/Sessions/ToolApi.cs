using LtiTool.Lti.Keys;
using LtiTool.Lti.Launch;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace LtiTool.Lti.Sessions;

/// <summary>The tool's JSON API for its own pages, authorised by <see cref="ToolApiTokens"/> bearer tokens.</summary>
public static class ToolApi
{
    public const string Policy = "tool-api";

    public static IServiceCollection AddToolApiAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<ToolKeyRing, IOptions<LtiOptions>>((bearer, keyRing, lti) =>
            {
                bearer.MapInboundClaims = false;
                bearer.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = ToolApiTokens.Issuer,
                    ValidAudience = ToolApiTokens.Audience,
                    ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
                    ClockSkew = lti.Value.ClockSkew,
                    RequireSignedTokens = true,
                    RequireExpirationTime = true,
                    TryAllIssuerSigningKeys = false,
                    // Keys are cached by the key ring; this returns at once except on the first call after a reload.
                    IssuerSigningKeyResolver = (_, _, kid, _) => keyRing.GetValidationKeysAsync().GetAwaiter().GetResult().Where(k => k.KeyId == kid),
                };
            });
        services.AddAuthorizationBuilder().AddPolicy(Policy, policy => policy
            .AddAuthenticationSchemes(JwtBearerDefaults.AuthenticationScheme)
            .RequireAuthenticatedUser()
            .RequireClaim(ToolApiTokens.LaunchIdClaim));
        return services;
    }

    public static IEndpointRouteBuilder MapToolApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").RequireAuthorization(Policy);
        api.MapGet("/launch", GetLaunchAsync);
        // Inside the group, so an unknown path answers 401 to anonymous callers too: no probing for endpoints.
        api.MapFallback((HttpContext context) => LtiResults.Problem(context, LtiErrors.NotFound));
        return endpoints;
    }

    /// <summary>The validated launch behind the caller's token, as the pages show it.</summary>
    private static async Task<Results<Ok<LaunchSummary>, ProblemHttpResult>> GetLaunchAsync(
        HttpContext context, ILaunchStore launches, CancellationToken cancellationToken)
    {
        var launchId = context.User.FindFirst(ToolApiTokens.LaunchIdClaim)!.Value;
        var launch = await launches.FindAsync(launchId, cancellationToken);
        if (launch is null)
        {
            return (ProblemHttpResult)LtiResults.Problem(context, LtiErrors.SessionExpired);
        }

        return TypedResults.Ok(LaunchSummary.From(launch));
    }
}
