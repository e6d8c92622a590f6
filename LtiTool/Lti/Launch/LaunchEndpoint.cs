using LtiTool.Lti.Login;
using LtiTool.Lti.Views;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace LtiTool.Lti.Launch;

/// <summary>
/// <c>POST /lti/launch</c>: validates the id_token form post, stores an immutable launch record and a tool session,
/// and sends the browser to the page for the message type and role. Nothing is stored for a rejected token.
/// </summary>
public static partial class LaunchEndpoint
{
    /// <summary>Query parameter carrying the tool session id to pages.</summary>
    public const string SessionParameter = "session";

    public static IEndpointRouteBuilder MapLtiLaunch(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(ToolUrls.LaunchPath, HandleAsync).DisableAntiforgery().ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(
        HttpContext context,
        LaunchValidator validator,
        LaunchClaimsReader claimsReader,
        ILaunchStore launches,
        ToolUrls toolUrls,
        TimeProvider timeProvider,
        IOptions<LtiOptions> options,
        ILoggerFactory loggerFactory,
        CancellationToken cancellationToken)
    {
        var logger = loggerFactory.CreateLogger(typeof(LaunchEndpoint));
        var form = await ReadFormAsync(context.Request, options.Value, cancellationToken);
        if (form is null)
        {
            return LtiResults.ErrorPage(context, LtiErrors.IdTokenTooLarge);
        }

        var launchContext = new LaunchContext(context, form, timeProvider.GetUtcNow());
        try
        {
            var error = await validator.ValidateAsync(launchContext, cancellationToken);
            if (launchContext.PlatformStorageCheckRequired && error is null)
            {
                return PlatformStorageCheck(context, launchContext, toolUrls);
            }

            if (error is null)
            {
                var (result, saveError) = await SaveAsync(context, launchContext, claimsReader, launches, options.Value, cancellationToken);
                error = saveError;
                if (result is not null)
                {
                    return result;
                }
            }

            LogRejected(logger, error!.Id, launchContext.Platform?.Issuer, launchContext.Platform?.ClientId, launchContext.KeyId);
            return LtiResults.ErrorPage(context, error, launchContext.RestartUrl);
        }
        finally
        {
            launchContext.Token?.Dispose();
        }
    }

    private static async Task<(IResult? Result, LtiError? Error)> SaveAsync(
        HttpContext context, LaunchContext launchContext, LaunchClaimsReader claimsReader, ILaunchStore launches, LtiOptions options, CancellationToken cancellationToken)
    {
        var now = launchContext.Now;
        var launch = claimsReader.Read(BrowserBinding.RandomToken(), launchContext.RequiredPlatform.Id, launchContext.RequiredToken, now.ToUnixTimeSeconds());
        var session = new ToolSession(BrowserBinding.RandomToken(), launch.Id, now.Add(options.ToolSessionLifetime).ToUnixTimeSeconds());
        // A used nonce must be remembered as long as a token carrying it could still pass the iat window.
        var nonceExpiresAt = now.Add(options.MaxTokenAge + options.ClockSkew + options.ClockSkew).ToUnixTimeSeconds();
        var nonce = launchContext.RequiredToken.StringClaim(LtiConstants.Claims.Nonce)!;
        if (!await launches.SaveAsync(launch, nonce, nonceExpiresAt, session, cancellationToken))
        {
            return (null, LtiErrors.NonceReplayed);
        }

        BrowserBinding.DeleteCookie(context.Response, launchContext.RequiredLogin.State);
        var page = launch.IsDeepLinking ? "/deep-linking" : launch.Role == LaunchRole.Instructor ? "/instructor" : "/student";
        return (Results.Redirect(QueryHelpers.AddQueryString(page, SessionParameter, session.Id)), null);
    }

    private static RazorComponentResult<PlatformStorageGetView> PlatformStorageCheck(HttpContext context, LaunchContext launchContext, ToolUrls toolUrls)
    {
        var login = launchContext.RequiredLogin;
        var platformOrigin = launchContext.Platform is { } platform ? new Uri(platform.AuthUrl).GetLeftPart(UriPartial.Authority) : string.Empty;
        return new RazorComponentResult<PlatformStorageGetView>(new Dictionary<string, object?>
        {
            [nameof(PlatformStorageGetView.StorageTarget)] = login.StorageTarget,
            [nameof(PlatformStorageGetView.PlatformOrigin)] = platformOrigin,
            [nameof(PlatformStorageGetView.Key)] = BrowserBinding.StorageKeyPrefix + login.State,
            [nameof(PlatformStorageGetView.LaunchUrl)] = toolUrls.LaunchUrl(context.Request),
            [nameof(PlatformStorageGetView.IdToken)] = launchContext.Form.IdToken,
            [nameof(PlatformStorageGetView.State)] = login.State,
        });
    }

    /// <summary>Reads the form with tight limits; null when it is larger than any real launch (catalogue case 23).</summary>
    private static async Task<LaunchForm?> ReadFormAsync(HttpRequest request, LtiOptions options, CancellationToken cancellationToken)
    {
        // The id_token plus state and the platform-storage fields; anything larger is refused before parsing.
        var maxBytes = options.MaxIdTokenBytes + 8192;
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        if (!request.HasFormContentType)
        {
            return new LaunchForm(null, null, null, false);
        }

        try
        {
            using var reader = new FormReader(request.Body)
            {
                ValueCountLimit = 16,
                KeyLengthLimit = 64,
                ValueLengthLimit = maxBytes,
            };
            var form = await reader.ReadFormAsync(cancellationToken);
            string? Get(string name) => form.TryGetValue(name, out var value) ? value.ToString() : null;
            return new LaunchForm(
                Get(LtiConstants.LoginParameters.IdToken),
                Get(LtiConstants.LoginParameters.State),
                Get(BrowserBinding.StorageFormField),
                Get(BrowserBinding.StorageAttemptedFormField) == "1");
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "lti.launch.rejected {ErrorId} (iss {Issuer}, client_id {ClientId}, kid {KeyId})")]
    private static partial void LogRejected(ILogger logger, string errorId, string? issuer, string? clientId, string? keyId);
}
