namespace LtiTool.Lti.Launch.Steps;

/// <summary>
/// The header must name a kid (Security Framework §6.3 "MUST use kid, even for a single key"). Without this check
/// IdentityModel would try every key of the set (Certification §6.1.1 "No KID Sent in JWT header").
/// </summary>
public sealed class ValidateKeyId : ILaunchStep
{
    private const int MaxKeyIdLength = 256;

    public ValueTask<LtiError?> ValidateAsync(LaunchContext context, CancellationToken cancellationToken)
    {
        var kid = context.RequiredToken.HeaderString("kid");
        if (string.IsNullOrEmpty(kid) || kid.Length > MaxKeyIdLength)
        {
            return ValueTask.FromResult<LtiError?>(LtiErrors.KeyIdMissing);
        }

        context.KeyId = kid;
        return ValueTask.FromResult<LtiError?>(null);
    }
}
