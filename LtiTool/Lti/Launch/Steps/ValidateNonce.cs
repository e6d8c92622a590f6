using System.Security.Cryptography;
using System.Text;

namespace LtiTool.Lti.Launch.Steps;

/// <summary>
/// The nonce is required, must not have been used before, and must be the one issued with this login's state
/// (Security Framework §5.1.3 step 9; GHSA-5p73-qg2v-383h). The used-nonce row is written with the launch, in one
/// transaction, so two concurrent posts cannot both pass.
/// </summary>
public sealed class ValidateNonce(ILaunchStore launches) : ILaunchStep
{
    public async ValueTask<LtiError?> ValidateAsync(LaunchContext context, CancellationToken cancellationToken)
    {
        var nonce = context.RequiredToken.StringClaim(LtiConstants.Claims.Nonce);
        if (string.IsNullOrEmpty(nonce))
        {
            return LtiErrors.NonceMissing;
        }

        if (await launches.IsNonceUsedAsync(context.RequiredPlatform.Id, nonce, cancellationToken))
        {
            return LtiErrors.NonceReplayed;
        }

        var expected = context.RequiredLogin.Nonce;
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(nonce), Encoding.UTF8.GetBytes(expected))
            ? null
            : LtiErrors.NonceMismatch;
    }
}
