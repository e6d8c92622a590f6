using Microsoft.Extensions.Options;

namespace LtiTool.Lti.Launch.Steps;

/// <summary>
/// alg must be on the allow-list (RS256 by default): never "none" in any spelling, never HMAC, which would let a
/// token be "signed" with the platform's public key (Security Framework §5.4, §5.1.3 step 6; Certification §4.2).
/// A "crit" header names extensions we do not implement, so it is refused (RFC 7515 §4.1.11).
/// </summary>
public sealed class ValidateAlgorithm(IOptions<LtiOptions> options) : ILaunchStep
{
    public ValueTask<LtiError?> ValidateAsync(LaunchContext context, CancellationToken cancellationToken)
    {
        var token = context.RequiredToken;
        var algorithm = token.HeaderString("alg");
        if (algorithm is null || !options.Value.AcceptedAlgorithms.Contains(algorithm))
        {
            return ValueTask.FromResult<LtiError?>(LtiErrors.AlgorithmNotAllowed);
        }

        return ValueTask.FromResult(token.Header.TryGetProperty("crit", out _) ? LtiErrors.CriticalHeaderUnsupported : null);
    }
}
