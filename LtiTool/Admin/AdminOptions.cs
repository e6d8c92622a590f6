using System.ComponentModel.DataAnnotations;

namespace LtiTool.Admin;

/// <summary>Configuration section <c>Admin</c>: who may open the admin pages and how Dynamic Registration fetches. Validated at start.</summary>
public sealed class AdminOptions
{
    public const string SectionName = "Admin";

    /// <summary>
    /// The admin password's hash (ASP.NET Core Identity's PBKDF2 format, printed by <c>admin hash-password</c>).
    /// When empty the tool makes a one-time setup secret at each start and writes it once to the log (LTI6001).
    /// </summary>
    public string? PasswordHash { get; set; }

    /// <summary>How long an admin stays signed in without activity. Default 30 minutes.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "08:00:00")]
    public TimeSpan SignInLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Sign-in attempts allowed per client address per minute. Default 10.</summary>
    [Range(1, 1000)]
    public int SignInsPerMinutePerClient { get; set; } = 10;

    /// <summary>
    /// Let Dynamic Registration fetch from private, loopback and link-local addresses, and over http. Default false;
    /// only for a local test LMS (the demo LMS on 127.0.0.1 in Development). Never on a server reachable by others.
    /// </summary>
    public bool AllowPrivateRegistrationTargets { get; set; }

    /// <summary>Largest platform configuration or registration answer read, in bytes. Default 256 KiB.</summary>
    [Range(1024, 4 * 1024 * 1024)]
    public int MaxRegistrationResponseBytes { get; set; } = 256 * 1024;

    /// <summary>Time allowed for each registration request, connection included. Default 10 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:01:00")]
    public TimeSpan RegistrationRequestTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
