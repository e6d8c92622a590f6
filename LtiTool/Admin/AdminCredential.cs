using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace LtiTool.Admin;

/// <summary>
/// The admin credential: the password whose hash is configured (<see cref="AdminOptions.PasswordHash"/>), or else a
/// setup secret made at start and written once to the log, so a fresh install can be set up before any password exists.
/// </summary>
public sealed partial class AdminCredential
{
    private static readonly PasswordHasher<AdminCredential> Hasher = new();
    private readonly string _hash;

    public AdminCredential(IOptions<AdminOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var configured = options.Value.PasswordHash;
        if (string.IsNullOrWhiteSpace(configured))
        {
            // 160 bits from the OS generator; hashed like a password so both paths verify the same way.
            SetupSecret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20));
            _hash = Hash(SetupSecret);
        }
        else
        {
            _hash = configured;
        }
    }

    /// <summary>The one-time setup secret, or null when a password hash is configured.</summary>
    internal string? SetupSecret { get; }

    /// <summary>The configured-hash format: ASP.NET Core Identity v3 (PBKDF2-HMAC-SHA512, 100 000 iterations, random salt).</summary>
    public static string Hash(string password) => Hasher.HashPassword(null!, password);

    public bool Verify(string? password) =>
        !string.IsNullOrEmpty(password) && password.Length <= 1024
        && Hasher.VerifyHashedPassword(null!, _hash, password) != PasswordVerificationResult.Failed;

    /// <summary>Writes the setup secret to the log once, at start, when no password is configured.</summary>
    internal sealed partial class SetupSecretAnnouncer(AdminCredential credential, ILogger<AdminCredential> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            if (credential.SetupSecret is { } secret)
            {
                LogSetupSecret(logger, secret);
            }

            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        [LoggerMessage(EventId = 6001, Level = LogLevel.Warning,
            Message = "LTI6001: no Admin:PasswordHash is configured. Sign in at /admin/signin with this one-time setup secret: {Secret}. " +
                      "It changes at every start; set a password with 'admin hash-password'.")]
        private static partial void LogSetupSecret(ILogger logger, string secret);
    }
}
