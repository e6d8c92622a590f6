using System.Text.Json;

namespace LtiTool.Lti.Launch.Steps;

/// <summary>
/// The message type must be one the tool handles, with the claims that type requires: sub, roles and
/// resource_link.id for a resource link launch (LTI 1.3 Core §5.3); deep_linking_settings with its return URL and
/// accepted types for a deep-linking request (Deep Linking 2.0 §4.4.1). context.id is required when context is sent.
/// Anonymous launches (no sub) are not supported.
/// </summary>
public sealed class ValidateMessageType : ILaunchStep
{
    public ValueTask<LtiError?> ValidateAsync(LaunchContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Validate(context.RequiredToken));

    private static LtiError? Validate(IdToken token)
    {
        var messageType = token.StringClaim(LtiConstants.Claims.MessageType);
        if (messageType is null)
        {
            return token.HasClaim(LtiConstants.Claims.MessageType) ? LtiErrors.ClaimInvalid : LtiErrors.MessageTypeMissing;
        }

        if (messageType is not (LtiConstants.MessageTypes.ResourceLinkRequest or LtiConstants.MessageTypes.DeepLinkingRequest))
        {
            return LtiErrors.MessageTypeUnsupported;
        }

        return ValidateSubject(token)
            ?? ValidateRoles(token)
            ?? ValidateContext(token)
            ?? (messageType == LtiConstants.MessageTypes.ResourceLinkRequest ? ValidateResourceLink(token) : ValidateDeepLinkingSettings(token));
    }

    private static LtiError? ValidateSubject(IdToken token) => RequiredId(token.Claim(LtiConstants.Claims.Subject));

    private static LtiError? ValidateRoles(IdToken token)
    {
        if (token.Claim(LtiConstants.Claims.Roles) is not { } roles)
        {
            return LtiErrors.RequiredClaimMissing;
        }

        // Core §5.3.7: roles may be empty; every entry is a string.
        return roles.ValueKind != JsonValueKind.Array
            || roles.GetArrayLength() > ClaimLimits.MaxRoles
            || roles.EnumerateArray().Any(r => r.ValueKind != JsonValueKind.String)
            ? LtiErrors.ClaimInvalid
            : null;
    }

    private static LtiError? ValidateContext(IdToken token)
    {
        if (token.Claim(LtiConstants.Claims.Context) is not { } context)
        {
            return null;
        }

        return context.ValueKind != JsonValueKind.Object
            ? LtiErrors.ClaimInvalid
            : RequiredId(context.TryGetProperty("id", out var id) ? id : null);
    }

    private static LtiError? ValidateResourceLink(IdToken token)
    {
        if (token.Claim(LtiConstants.Claims.ResourceLink) is not { } link)
        {
            return LtiErrors.RequiredClaimMissing;
        }

        return link.ValueKind != JsonValueKind.Object
            ? LtiErrors.ClaimInvalid
            : RequiredId(link.TryGetProperty("id", out var id) ? id : null);
    }

    private static LtiError? ValidateDeepLinkingSettings(IdToken token)
    {
        if (token.Claim(LtiConstants.Claims.DeepLinkingSettings) is not { } settings)
        {
            return LtiErrors.RequiredClaimMissing;
        }

        if (settings.ValueKind != JsonValueKind.Object)
        {
            return LtiErrors.ClaimInvalid;
        }

        var hasReturnUrl = settings.TryGetProperty("deep_link_return_url", out var returnUrl) && returnUrl.ValueKind == JsonValueKind.String;
        var hasTypes = settings.TryGetProperty("accept_types", out var types) && types.ValueKind == JsonValueKind.Array;
        var hasTargets = settings.TryGetProperty("accept_presentation_document_targets", out var targets) && targets.ValueKind == JsonValueKind.Array;
        return hasReturnUrl && hasTypes && hasTargets ? null : LtiErrors.RequiredClaimMissing;
    }

    private static LtiError? RequiredId(JsonElement? value) => value switch
    {
        null => LtiErrors.RequiredClaimMissing,
        { ValueKind: JsonValueKind.String } id when id.GetString() is { Length: > 0 and <= ClaimLimits.MaxIdLength } => null,
        _ => LtiErrors.ClaimInvalid,
    };
}
