using System.ComponentModel.DataAnnotations;

namespace LtiTool.Lti.Services;

/// <summary>
/// Configuration section <c>Lti:Services</c>: the AGS / NRPS clients, their tokens and their resilience per call type
/// (security catalogue c.3). Validated at start. Defaults suit production; tests shrink the delays.
/// </summary>
public sealed class ServicesOptions : IValidatableObject
{
    public const string SectionName = "Lti:Services";

    /// <summary>Longest single HTTP attempt (connect, headers and body). Default 10 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:05:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest GET of one page including its retries. Default 60 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:30:00")]
    public TimeSpan ReadTotalTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Longest score POST including its in-process retries; the outbox re-queues after that. Default 30 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:30:00")]
    public TimeSpan ScoreTotalTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest token request including its retries. Default 30 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:30:00")]
    public TimeSpan TokenTotalTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries of a GET (429, 5xx, 408, timeouts, network errors, Canvas 403 throttling). Default 3; 0 disables.</summary>
    [Range(0, 10)]
    public int ReadMaxRetries { get; set; } = 3;

    /// <summary>Retries of a score POST, safe because the caller's timestamp makes it idempotent (AGS 2.0 §3.4). Default 3.</summary>
    [Range(0, 10)]
    public int ScoreMaxRetries { get; set; } = 3;

    /// <summary>Retries of a token request (never after 400/401). Default 2.</summary>
    [Range(0, 10)]
    public int TokenMaxRetries { get; set; } = 2;

    /// <summary>First backoff delay; it doubles per retry, with jitter. Default 2 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Cap on any retry delay, <c>Retry-After</c> included, so a hostile value cannot stall a worker. Default 60 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:15:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Share of failed calls (5xx, timeouts, network) in the sampling window that opens a platform's circuit. Default 0.5.</summary>
    [Range(0.01, 1.0)]
    public double CircuitFailureRatio { get; set; } = 0.5;

    /// <summary>Calls in the sampling window before the ratio counts. Default 10.</summary>
    [Range(2, 10000)]
    public int CircuitMinimumThroughput { get; set; } = 10;

    /// <summary>Sampling window of the circuit breaker. Default 30 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "01:00:00")]
    public TimeSpan CircuitSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an open circuit fails calls at once before it lets one through. Default 30 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "01:00:00")]
    public TimeSpan CircuitBreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Lifetime (exp − iat) of a client assertion. Default and maximum 5 minutes (security catalogue case 79).</summary>
    [Range(typeof(TimeSpan), "00:00:10", "00:05:00")]
    public TimeSpan AssertionLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>An access token is replaced this long before its <c>expires_in</c> runs out (at most half its life). Default 60 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan TokenRefreshMargin { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Lifetime assumed when a token response has no <c>expires_in</c> (RFC 6749 §5.1 makes it optional). Default 60 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan DefaultTokenLifetime { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Upper bound on a token's cached life whatever <c>expires_in</c> says. Default 1 hour.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "1.00:00:00")]
    public TimeSpan MaxTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Most pages one listing follows before it stops and reports (security catalogue case 93). Default 1,000.</summary>
    [Range(1, 100000)]
    public int MaxPages { get; set; } = 1000;

    /// <summary>Largest response body read, in bytes. Default 16 MiB (a page of 1,000 members is well under 1 MiB).</summary>
    [Range(64 * 1024, 256 * 1024 * 1024)]
    public int MaxResponseBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>
    /// Hosts that serve a platform's services besides the hosts it is registered with (issuer, auth, token, JWKS and
    /// their subdomains of the issuer): exact names or <c>*.suffix</c> patterns, e.g. <c>*.instructure.com</c> for
    /// hosted Canvas, whose service URLs sit on each school's own host. Default none.
    /// </summary>
    public IList<string> TrustedServiceHosts { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (name, total) in new[] { (nameof(ReadTotalTimeout), ReadTotalTimeout), (nameof(ScoreTotalTimeout), ScoreTotalTimeout), (nameof(TokenTotalTimeout), TokenTotalTimeout) })
        {
            if (total < AttemptTimeout)
            {
                yield return new ValidationResult($"Lti:Services:{name} must not be shorter than Lti:Services:AttemptTimeout.", [name]);
            }
        }

        foreach (var host in TrustedServiceHosts.Where(h => !ServiceUrlGuard.IsValidHostPattern(h)))
        {
            yield return new ValidationResult($"Lti:Services:TrustedServiceHosts entry '{host}' is not a host name or a '*.domain' pattern.", [nameof(TrustedServiceHosts)]);
        }
    }
}
