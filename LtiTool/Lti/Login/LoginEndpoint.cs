using LtiTool.Lti.Platforms;
using LtiTool.Lti.Views;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace LtiTool.Lti.Login;

/// <summary>
/// <c>GET|POST /lti/login</c>: the third-party-initiated login (Security Framework §5.1.1.1–5.1.1.2). Nothing is
/// stored unless the platform is registered (catalogue case 2, CVE-2026-34052).
/// </summary>
public static partial class LoginEndpoint
{
    public const string RateLimiterPolicy = "lti-login";

    public static IEndpointRouteBuilder MapLtiLogin(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods(ToolUrls.LoginPath, [HttpMethods.Get, HttpMethods.Post], HandleAsync)
            .DisableAntiforgery()
            .RequireRateLimiting(RateLimiterPolicy)
            .ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(
        HttpContext context,
        IPlatformStore platforms,
        ILoginStateStore states,
        ToolUrls toolUrls,
        TimeProvider timeProvider,
        IOptions<LtiOptions> options,
        ILoggerFactory loggerFactory,
        CancellationToken cancellationToken)
    {
        var logger = loggerFactory.CreateLogger(typeof(LoginEndpoint));
        var login = await LoginRequest.ReadAsync(context.Request, cancellationToken);
        var (platform, error) = await FindPlatformAsync(login, platforms, cancellationToken);
        error ??= login.DeploymentId is not null && platform is not null
            && !await platforms.IsDeploymentRegisteredAsync(platform.Id, login.DeploymentId, cancellationToken)
            ? LtiErrors.LoginDeploymentNotRegistered
            : null;
        error ??= toolUrls.IsOwnUrl(context.Request, login.TargetLinkUri) ? null : LtiErrors.LoginTargetLinkUriInvalid;
        if (error is not null || platform is null)
        {
            LogLoginRejected(logger, error!.Id, login.Issuer, login.ClientId);
            return LtiResults.ErrorPage(context, error);
        }

        var now = timeProvider.GetUtcNow();
        var secret = BrowserBinding.NewSecret();
        var state = new LoginState(
            State: BrowserBinding.RandomToken(),
            PlatformId: platform.Id,
            Nonce: BrowserBinding.RandomToken(),
            DeploymentId: login.DeploymentId,
            TargetLinkUri: login.TargetLinkUri!,
            LoginHint: login.LoginHint!,
            LtiMessageHint: login.LtiMessageHint,
            BrowserBindingHash: BrowserBinding.Hash(secret),
            StorageTarget: login.StorageTarget,
            CreatedAt: now.ToUnixTimeSeconds(),
            ExpiresAt: now.Add(options.Value.LoginStateLifetime).ToUnixTimeSeconds(),
            ConsumedAt: null);
        await states.SaveAsync(state, cancellationToken);
        BrowserBinding.SetCookie(context.Response, state.State, secret, options.Value.LoginStateLifetime);

        var authenticationRequest = BuildAuthenticationRequest(platform, login, state, toolUrls.LaunchUrl(context.Request));
        if (login.StorageTarget is null)
        {
            return Results.Redirect(authenticationRequest);
        }

        return new RazorComponentResult<PlatformStoragePutView>(new Dictionary<string, object?>
        {
            [nameof(PlatformStoragePutView.StorageTarget)] = login.StorageTarget,
            [nameof(PlatformStoragePutView.PlatformOrigin)] = new Uri(platform.AuthUrl).GetLeftPart(UriPartial.Authority),
            [nameof(PlatformStoragePutView.Key)] = BrowserBinding.StorageKeyPrefix + state.State,
            [nameof(PlatformStoragePutView.Value)] = secret,
            [nameof(PlatformStoragePutView.ContinueUrl)] = authenticationRequest,
        });
    }

    private static async Task<(Platform? Platform, LtiError? Error)> FindPlatformAsync(
        LoginRequest login, IPlatformStore platforms, CancellationToken cancellationToken)
    {
        if (login.Validate() is { } invalid)
        {
            return (null, invalid);
        }

        if (login.ClientId is not null)
        {
            var platform = await platforms.FindAsync(login.Issuer!, login.ClientId, cancellationToken);
            return platform is null ? (null, LtiErrors.PlatformNotRegistered) : (platform, null);
        }

        // LTI 1.3 Core §4.1: client_id is optional; the issuer alone is used only when it names one registration.
        var candidates = await platforms.FindByIssuerAsync(login.Issuer!, cancellationToken);
        return candidates.Count switch
        {
            0 => (null, LtiErrors.PlatformNotRegistered),
            1 => (candidates[0], null),
            _ => (null, LtiErrors.PlatformAmbiguous),
        };
    }

    // Security Framework §5.1.1.2: every parameter of the authentication request, hints echoed unchanged.
    private static string BuildAuthenticationRequest(Platform platform, LoginRequest login, LoginState state, string redirectUri)
    {
        var query = new QueryBuilder
        {
            { LtiConstants.LoginParameters.Scope, LtiConstants.LoginParameters.ScopeOpenId },
            { LtiConstants.LoginParameters.ResponseType, LtiConstants.LoginParameters.ResponseTypeIdToken },
            { LtiConstants.LoginParameters.ResponseMode, LtiConstants.LoginParameters.ResponseModeFormPost },
            { LtiConstants.LoginParameters.Prompt, LtiConstants.LoginParameters.PromptNone },
            { LtiConstants.LoginParameters.ClientId, platform.ClientId },
            { LtiConstants.LoginParameters.RedirectUri, redirectUri },
            { LtiConstants.LoginParameters.LoginHint, login.LoginHint! },
            { LtiConstants.LoginParameters.State, state.State },
            { LtiConstants.LoginParameters.Nonce, state.Nonce },
        };
        if (login.LtiMessageHint is not null)
        {
            query.Add(LtiConstants.LoginParameters.LtiMessageHint, login.LtiMessageHint);
        }

        var separator = platform.AuthUrl.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        return platform.AuthUrl + separator + query.ToQueryString().Value![1..];
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "LTI login rejected with {ErrorId} (iss {Issuer}, client_id {ClientId})")]
    private static partial void LogLoginRejected(ILogger logger, string errorId, string? issuer, string? clientId);
}
