using System.ComponentModel.DataAnnotations;

namespace LtiTool.Lti;

/// <summary>Configuration section <c>Lti</c>: launch validation and tool sessions. Validated at start.</summary>
public sealed class LtiOptions : IValidatableObject
{
    public const string SectionName = "Lti";

    /// <summary>
    /// Public base URL of the tool (e.g. <c>https://edurec.example.edu</c>). When empty, the request's own scheme and
    /// host are used, which is right behind App Service's front end with forwarded headers.
    /// </summary>
    [Url]
    public string? PublicBaseUrl { get; set; }

    /// <summary>Leeway on exp, iat and nbf for clock differences. Default 60 seconds (Security Framework §5.1.2: "a few minutes" at most).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Oldest accepted id_token (by iat), which also bounds how long used nonces are kept. Default 10 minutes (Security Framework §5.1.3 step 8).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "01:00:00")]
    public TimeSpan MaxTokenAge { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a login's state and nonce wait for the launch. Default 10 minutes.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "01:00:00")]
    public TimeSpan LoginStateLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Largest id_token accepted, in bytes. Default 64 KiB (IdentityModel's own 250 KB is far above any real launch).</summary>
    [Range(4096, 262144)]
    public int MaxIdTokenBytes { get; set; } = 64 * 1024;

    /// <summary>
    /// JWS algorithms accepted on id_tokens, when configured; <see cref="AcceptedAlgorithms"/> is RS256 alone when
    /// not. <c>none</c> and HMAC are never accepted. (No default in the list itself: the configuration binder would
    /// append configured entries to it instead of replacing it.)
    /// </summary>
    public IList<string> AllowedAlgorithms { get; set; } = [];

    /// <summary>The algorithms launches are checked against: the configured ones, else RS256.</summary>
    public IReadOnlyList<string> AcceptedAlgorithms =>
        AllowedAlgorithms.Count == 0 ? [LtiConstants.SigningAlgorithm] : AllowedAlgorithms.Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Extra audiences tolerated beside the client id (Security Framework §5.1.3 step 3). Default none.</summary>
    public IList<string> TrustedAudiences { get; set; } = [];

    /// <summary>
    /// Accept http:// (not only https://) for platform and tool URLs on loopback hosts. Default false; true in
    /// Development so the demo LMS works on http://127.0.0.1.
    /// </summary>
    public bool AllowHttpLoopback { get; set; }

    /// <summary>Origins allowed to frame the tool besides the registered platforms (e.g. Canvas vanity domains).</summary>
    public IList<string> ExtraFrameAncestors { get; set; } = [];

    /// <summary>How long a page opened by a launch stays usable. Default 60 minutes.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "12:00:00")]
    public TimeSpan ToolSessionLifetime { get; set; } = TimeSpan.FromMinutes(60);

    /// <summary>Lifetime of the bearer token the tool's pages use for their own API calls. Default 15 minutes.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "02:00:00")]
    public TimeSpan ApiTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Platform JWKS cache time when the platform sends no Cache-Control max-age. Default 10 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00")]
    public TimeSpan PlatformKeysDefaultCacheTime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Upper bound on a platform's Cache-Control max-age for its JWKS. Default 1 hour, so rotations are seen.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "7.00:00:00")]
    public TimeSpan PlatformKeysMaxCacheTime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Least time between two refetches of a JWKS triggered by unknown key ids. Default 30 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan PlatformKeysRefetchInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a retired tool key stays published after rotation. Default 2 days (Security Framework §6.4 overlap).</summary>
    [Range(typeof(TimeSpan), "01:00:00", "90.00:00:00")]
    public TimeSpan RetiredKeyGracePeriod { get; set; } = TimeSpan.FromDays(2);

    /// <summary>Login initiations allowed per client address per minute before 429. Default 60.</summary>
    [Range(1, 100000)]
    public int LoginsPerMinutePerClient { get; set; } = 60;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var algorithm in AllowedAlgorithms.Where(a => !a.StartsWith("RS", StringComparison.Ordinal) && !a.StartsWith("PS", StringComparison.Ordinal)))
        {
            // Security Framework §5.4 and Certification §4.2: never none, never symmetric.
            yield return new ValidationResult($"LTI1003: Lti:AllowedAlgorithms may hold only RSA algorithms, not '{algorithm}'.", [nameof(AllowedAlgorithms)]);
        }

        foreach (var origin in ExtraFrameAncestors.Where(o => !Uri.TryCreate(o, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps))
        {
            yield return new ValidationResult($"LTI1004: Lti:ExtraFrameAncestors entry '{origin}' is not an https origin.", [nameof(ExtraFrameAncestors)]);
        }
    }
}
