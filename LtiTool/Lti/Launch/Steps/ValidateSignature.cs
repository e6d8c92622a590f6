using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace LtiTool.Lti.Launch.Steps;

/// <summary>
/// The JWS signature must verify with the one key resolved from the registration, under the algorithm already
/// checked against the allow-list (Security Framework §5.1.3 step 1). Only the signature bytes are verified here:
/// IdentityModel's token validation would also parse and judge claims with its own lenient defaults (trying every
/// key, 5 minutes of skew), while each claim rule has its own step and error id.
/// </summary>
public sealed class ValidateSignature : ILaunchStep
{
    public ValueTask<LtiError?> ValidateAsync(LaunchContext context, CancellationToken cancellationToken)
    {
        var token = context.RequiredToken;
        var key = context.SigningKey!;
        var algorithm = token.HeaderString("alg")!;
        var lastDot = token.Raw.LastIndexOf('.');
        var signingInput = Encoding.ASCII.GetBytes(token.Raw[..lastDot]);
        byte[] signature;
        try
        {
            signature = Base64UrlEncoder.DecodeBytes(token.Raw[(lastDot + 1)..]);
        }
        catch (FormatException)
        {
            return ValueTask.FromResult<LtiError?>(LtiErrors.SignatureInvalid);
        }

        var factory = key.CryptoProviderFactory;
        if (signature.Length == 0 || !factory.IsSupportedAlgorithm(algorithm, key))
        {
            return ValueTask.FromResult<LtiError?>(LtiErrors.SignatureInvalid);
        }

        var provider = factory.CreateForVerifying(key, algorithm);
        try
        {
            return ValueTask.FromResult(provider.Verify(signingInput, signature) ? null : LtiErrors.SignatureInvalid);
        }
        finally
        {
            factory.ReleaseSignatureProvider(provider);
        }
    }
}
