using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace LtiTool.Lti.Login;

/// <summary>
/// Binds a login's state to the browser that started it (Security Framework §5.1.1.2, §7.3.1 login CSRF): a random
/// secret goes to that browser in a cookie and, when the platform offers it, into platform storage; only its hash
/// is stored. A launch posted from another browser cannot show the secret.
/// </summary>
public static class BrowserBinding
{
    // __Host- pins the cookie to this origin, https, path "/" (RFC 6265bis §4.1.3.2).
    private const string CookiePrefix = "__Host-edurec-login-";

    /// <summary>Form field carrying the secret read back from platform storage.</summary>
    public const string StorageFormField = "edurec_binding";

    /// <summary>Form field marking a launch re-posted after a platform-storage attempt, so no loop can form.</summary>
    public const string StorageAttemptedFormField = "edurec_storage_attempted";

    /// <summary>Key prefix of the secret in platform storage.</summary>
    public const string StorageKeyPrefix = "edurec_binding_";

    public static string NewSecret() => RandomToken();

    /// <summary>A URL-safe random value of 256 bits from the CSPRNG, for state, nonce and binding secrets.</summary>
    public static string RandomToken() => Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string secret) =>
        Base64UrlEncoder.Encode(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static bool Matches(string? secret, string expectedHash) =>
        secret is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(secret)), Encoding.ASCII.GetBytes(expectedHash));

    /// <summary>One cookie per login (named after the state) so two launches in two tabs do not overwrite each other.</summary>
    public static string CookieName(string state) => CookiePrefix + Hash(state)[..16];

    public static void SetCookie(HttpResponse response, string state, string secret, TimeSpan lifetime)
    {
        ArgumentNullException.ThrowIfNull(response);
        var options = new CookieOptions
        {
            HttpOnly = true,
            Secure = true,
            // The launch is a cross-site form POST from the platform: only SameSite=None survives it.
            SameSite = SameSiteMode.None,
            Path = "/",
            MaxAge = lifetime,
            IsEssential = true,
        };
        // CHIPS: a partitioned cookie still works where third-party cookies are otherwise blocked (Chrome).
        options.Extensions.Add("Partitioned");
        response.Cookies.Append(CookieName(state), secret, options);
    }

    public static string? ReadCookie(HttpRequest request, string state)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Cookies.TryGetValue(CookieName(state), out var value) ? value : null;
    }

    public static void DeleteCookie(HttpResponse response, string state)
    {
        ArgumentNullException.ThrowIfNull(response);
        var options = new CookieOptions { Secure = true, SameSite = SameSiteMode.None, Path = "/", HttpOnly = true };
        options.Extensions.Add("Partitioned");
        response.Cookies.Delete(CookieName(state), options);
    }
}
