using LtiTool.Lti.Launch.Steps;

namespace LtiTool.Lti.Launch;

/// <summary>
/// Runs the launch steps in their fixed order: state → parse → registration (iss/aud/azp) → kid → platform key →
/// alg → signature → exp/iat/nbf → nonce → deployment → version → message type and its claims → target_link_uri.
/// The first failing step rejects the launch with its error id.
/// </summary>
public sealed class LaunchValidator(IServiceProvider services)
{
    /// <summary>The order is part of the contract: cheap, local checks before network and cryptography.</summary>
    public static readonly Type[] StepOrder =
    [
        typeof(ValidateState),
        typeof(ParseIdToken),
        typeof(MatchRegistration),
        typeof(ValidateKeyId),
        typeof(ResolvePlatformKey),
        typeof(ValidateAlgorithm),
        typeof(ValidateSignature),
        typeof(ValidateTimestamps),
        typeof(ValidateNonce),
        typeof(ValidateDeployment),
        typeof(ValidateVersion),
        typeof(ValidateMessageType),
        typeof(ValidateTargetLinkUri),
    ];

    public async Task<LtiError?> ValidateAsync(LaunchContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var stepType in StepOrder)
        {
            var step = (ILaunchStep)services.GetRequiredService(stepType);
            var error = await step.ValidateAsync(context, cancellationToken);
            if (error is not null || context.PlatformStorageCheckRequired)
            {
                return error;
            }
        }

        return null;
    }

    public static IServiceCollection AddLaunchSteps(IServiceCollection services)
    {
        foreach (var stepType in StepOrder)
        {
            services.AddSingleton(stepType);
        }

        return services.AddSingleton<LaunchValidator>();
    }
}
