using LtiTool.Lti.Login;
using LtiTool.Lti.Platforms;
using Microsoft.AspNetCore.Http.Extensions;

namespace LtiTool.Lti.Launch.Steps;

/// <summary>
/// The state must be one this tool issued, unexpired, unused, and posted by the browser that started the login
/// (Security Framework §5.1.1.2, §5.1.1.4). It is consumed here, once, even if a later step rejects the token.
/// </summary>
public sealed class ValidateState(ILoginStateStore states, IPlatformStore platforms, ToolUrls toolUrls) : ILaunchStep
{
    private const int MaxStateLength = 128;

    public async ValueTask<LtiError?> ValidateAsync(LaunchContext context, CancellationToken cancellationToken)
    {
        var stateValue = context.Form.State;
        if (string.IsNullOrEmpty(stateValue))
        {
            return LtiErrors.StateMissing;
        }

        var now = context.Now.ToUnixTimeSeconds();
        var login = stateValue.Length <= MaxStateLength ? await states.FindAsync(stateValue, cancellationToken) : null;
        if (login is null || login.ExpiresAt <= now)
        {
            return LtiErrors.StateUnknown;
        }

        if (login.ConsumedAt is not null)
        {
            return LtiErrors.StateAlreadyUsed;
        }

        var cookie = BrowserBinding.ReadCookie(context.HttpContext.Request, stateValue);
        var bound = BrowserBinding.Matches(cookie, login.BrowserBindingHash)
            || (login.StorageTarget is not null && BrowserBinding.Matches(context.Form.StorageBinding, login.BrowserBindingHash));
        if (!bound && cookie is null && login.StorageTarget is not null && !context.Form.StorageAttempted)
        {
            // Not consumed yet: the storage page re-posts this launch with the secret from platform storage,
            // talking only to the platform's origin, so the registration is needed here already.
            context.Login = login;
            context.Platform = await platforms.GetAsync(login.PlatformId, cancellationToken);
            context.PlatformStorageCheckRequired = context.Platform is not null;
            return context.Platform is null ? LtiErrors.StateUnknown : null;
        }

        if (!await states.TryConsumeAsync(stateValue, now, cancellationToken))
        {
            return LtiErrors.StateAlreadyUsed;
        }

        if (!bound)
        {
            context.RestartUrl = await RestartUrlAsync(context, login, cancellationToken);
            return LtiErrors.StateNotBoundToBrowser;
        }

        context.Login = login;
        return null;
    }

    private async Task<string?> RestartUrlAsync(LaunchContext context, LoginState login, CancellationToken cancellationToken)
    {
        var platform = await platforms.GetAsync(login.PlatformId, cancellationToken);
        if (platform is null)
        {
            return null;
        }

        var restart = new LoginRequest(platform.Issuer, login.LoginHint, login.TargetLinkUri, login.LtiMessageHint, platform.ClientId, login.DeploymentId, null);
        return restart.ToRestartUrl(toolUrls.LoginUrl(context.HttpContext.Request));
    }
}
