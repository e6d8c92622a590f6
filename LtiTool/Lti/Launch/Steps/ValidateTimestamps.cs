using System.Text.Json;
using Microsoft.Extensions.Options;

namespace LtiTool.Lti.Launch.Steps;

/// <summary>
/// exp and iat are required JSON numbers; the token must not be expired, issued in the future, or older than the
/// nonce-retention window; nbf, when sent, must have passed. Each rule allows the configured leeway
/// (Security Framework §5.1.2, §5.1.3 steps 7–8; RFC 7519 §4.1.4–4.1.6: fractional NumericDates are valid).
/// </summary>
public sealed class ValidateTimestamps(IOptions<LtiOptions> options) : ILaunchStep
{
    // 9999-12-31: any later NumericDate is nonsense, not a far-future token.
    private const double MaxNumericDate = 253402300799;

    public ValueTask<LtiError?> ValidateAsync(LaunchContext context, CancellationToken cancellationToken)
    {
        var token = context.RequiredToken;
        var now = context.Now.ToUnixTimeMilliseconds() / 1000.0;
        var skew = options.Value.ClockSkew.TotalSeconds;
        var exp = NumericDate(token.Claim(LtiConstants.Claims.Expires));
        var iat = NumericDate(token.Claim(LtiConstants.Claims.IssuedAt));
        var nbfClaim = token.Claim(LtiConstants.Claims.NotBefore);
        var nbf = NumericDate(nbfClaim);
        LtiError? error = null;
        if (exp is null || iat is null || (nbfClaim is not null && nbf is null))
        {
            error = LtiErrors.TokenTimestampInvalid;
        }
        else if (now >= exp + skew)
        {
            error = LtiErrors.TokenExpired;
        }
        else if (iat > now + skew)
        {
            error = LtiErrors.TokenIssuedInFuture;
        }
        else if (iat < now - options.Value.MaxTokenAge.TotalSeconds - skew)
        {
            error = LtiErrors.TokenTooOld;
        }
        else if (nbf > now + skew)
        {
            error = LtiErrors.TokenNotYetValid;
        }

        return ValueTask.FromResult(error);
    }

    private static double? NumericDate(JsonElement? claim) =>
        claim is { ValueKind: JsonValueKind.Number } value && value.TryGetDouble(out var seconds)
            && double.IsFinite(seconds) && seconds > 0 && seconds <= MaxNumericDate
            ? seconds
            : null;
}
