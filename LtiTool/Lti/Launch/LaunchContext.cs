using LtiTool.Lti.Login;
using LtiTool.Lti.Platforms;
using Microsoft.IdentityModel.Tokens;

namespace LtiTool.Lti.Launch;

/// <summary>What the launch steps read (the posted form) and what they establish, step by step.</summary>
public sealed class LaunchContext(HttpContext httpContext, LaunchForm form, DateTimeOffset now)
{
    public HttpContext HttpContext { get; } = httpContext;

    public LaunchForm Form { get; } = form;

    /// <summary>The time every time rule of this launch is judged against (one reading of the TimeProvider).</summary>
    public DateTimeOffset Now { get; } = now;

    public LoginState? Login { get; set; }

    public Platform? Platform { get; set; }

    public IdToken? Token { get; set; }

    public string? KeyId { get; set; }

    public SecurityKey? SigningKey { get; set; }

    /// <summary>Set when the state cookie is missing but platform storage can prove the browser: answer the storage page.</summary>
    public bool PlatformStorageCheckRequired { get; set; }

    /// <summary>Top-level login URL offered when the browser could not be bound (cookies blocked, no platform storage).</summary>
    public string? RestartUrl { get; set; }

    public Platform RequiredPlatform => Platform ?? throw new InvalidOperationException("The registration step has not run.");

    public IdToken RequiredToken => Token ?? throw new InvalidOperationException("The parse step has not run.");

    public LoginState RequiredLogin => Login ?? throw new InvalidOperationException("The state step has not run.");
}

/// <summary>The launch form post (response_mode=form_post).</summary>
public sealed record LaunchForm(string? IdToken, string? State, string? StorageBinding, bool StorageAttempted);
