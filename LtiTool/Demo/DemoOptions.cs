using System.ComponentModel.DataAnnotations;

namespace LtiTool.Demo;

/// <summary>Configuration section <c>Demo</c>: the built-in demo LMS that lets anyone try the tool without a real LMS.</summary>
public sealed class DemoOptions : IValidatableObject
{
    public const string SectionName = "Demo";

    /// <summary>Serve the demo LMS under <c>/demo</c>. Unset means: only in the Development environment.</summary>
    public bool? Enabled { get; set; }

    /// <summary>
    /// Scheme and host the demo and the tool are reached at (e.g. <c>https://edurec.example.org</c>), when neither the
    /// request nor the server address is what a browser sees (reverse proxy). Unset: taken from the request.
    /// </summary>
    [MaxLength(2048)]
    public string? PublicBaseUrl { get; set; }

    public const int DefaultStudents = 34;
    public const int DefaultAssignments = 10;

    /// <summary>Seed of the demo course: the same seed gives the same students, assignments and scores.</summary>
    public int Seed { get; set; } = 20250901;

    /// <summary>Students in the seeded course. Default 34; load tests and benchmarks raise it (e.g. 5,000).</summary>
    [Range(30, 50_000)]
    public int Students { get; set; } = DefaultStudents;

    /// <summary>Graded assignments (line items) in the seeded course. Default 10; load tests raise it (e.g. 40).</summary>
    [Range(8, 500)]
    public int Assignments { get; set; } = DefaultAssignments;

    /// <summary>Items per page of AGS and NRPS containers when the tool sends no <c>limit</c>: small, so paging is always exercised.</summary>
    [Range(1, 1000)]
    public int DefaultPageSize { get; set; } = 8;

    /// <summary>How long the <see cref="DemoFault.Timeout"/> fault holds a request: longer than any sane client timeout.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan FaultTimeoutDelay { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary>
    /// Where the token and deep-linking endpoints fetch the tool's public keys: an absolute URL, or a path on the demo's
    /// own origin. Unset: <c>/.well-known/jwks.json</c>, the tool in this process. Tests point it at a key set of their own.
    /// </summary>
    [MaxLength(2048)]
    public string? ToolJwksUrl { get; set; }

    /// <summary>
    /// Let AGS list and serve every column of the gradebook, the seeded assignments included. No real LMS does this
    /// (they show a tool only its own line items); it is for tests of the sync against a large gradebook. Default false.
    /// </summary>
    public bool ShowAllLineItems { get; set; }

    /// <summary>
    /// Which platform the demo behaves as. <see cref="DemoPlatformKind.Moodle"/> sends <c>product_family_code</c>
    /// <c>moodle</c> and answers a results GET with <c>limit</c> as Moodle 5.0 does (404 with a PHP error page, issue 10).
    /// Default <see cref="DemoPlatformKind.Demo"/>.
    /// </summary>
    public DemoPlatformKind Platform { get; set; } = DemoPlatformKind.Demo;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (PublicBaseUrl is not null && !IsHttpUrl(PublicBaseUrl))
        {
            yield return new ValidationResult("Demo:PublicBaseUrl must be an absolute http(s) URL.", [nameof(PublicBaseUrl)]);
        }

        if (ToolJwksUrl is not null && !IsHttpUrl(ToolJwksUrl) && !ToolJwksUrl.StartsWith('/'))
        {
            yield return new ValidationResult("Demo:ToolJwksUrl must be an absolute http(s) URL or a path starting with '/'.", [nameof(ToolJwksUrl)]);
        }
    }

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}

/// <summary>The platform the demo LMS behaves as (<see cref="DemoOptions.Platform"/>).</summary>
public enum DemoPlatformKind
{
    /// <summary>The demo's own product family, <c>edurec-demo</c>, with standard paging everywhere.</summary>
    Demo,

    /// <summary>Moodle 5.0 as it is: <c>product_family_code</c> <c>moodle</c>, results that fail on <c>limit</c>.</summary>
    Moodle,
}
