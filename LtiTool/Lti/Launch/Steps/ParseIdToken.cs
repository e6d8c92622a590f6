namespace LtiTool.Lti.Launch.Steps;

/// <summary>The id_token must be a compact JWS with JSON header and payload, within the size cap (catalogue cases 22–23, 57).</summary>
public sealed class ParseIdToken(Microsoft.Extensions.Options.IOptions<LtiOptions> options) : ILaunchStep
{
    public ValueTask<LtiError?> ValidateAsync(LaunchContext context, CancellationToken cancellationToken)
    {
        var raw = context.Form.IdToken;
        if (string.IsNullOrEmpty(raw))
        {
            return ValueTask.FromResult<LtiError?>(LtiErrors.IdTokenMissing);
        }

        if (raw.Length > options.Value.MaxIdTokenBytes)
        {
            return ValueTask.FromResult<LtiError?>(LtiErrors.IdTokenTooLarge);
        }

        context.Token = IdToken.TryParse(raw);
        return ValueTask.FromResult(context.Token is null ? LtiErrors.IdTokenMalformed : null);
    }
}
