namespace LtiTool.Lti.Launch.Steps;

/// <summary>
/// The signed target_link_uri must equal the one given at login (which was unsigned) and point at this tool:
/// the final destination is taken from the signed claim, never from a parameter (LTI 1.3 Core §5.3.4; catalogue 54).
/// </summary>
public sealed class ValidateTargetLinkUri(ToolUrls toolUrls) : ILaunchStep
{
    public ValueTask<LtiError?> ValidateAsync(LaunchContext context, CancellationToken cancellationToken)
    {
        var target = context.RequiredToken.StringClaim(LtiConstants.Claims.TargetLinkUri);
        var valid = target is not null
            && string.Equals(target, context.RequiredLogin.TargetLinkUri, StringComparison.Ordinal)
            && toolUrls.IsOwnUrl(context.HttpContext.Request, target);
        return ValueTask.FromResult(valid ? null : LtiErrors.TargetLinkUriInvalid);
    }
}
