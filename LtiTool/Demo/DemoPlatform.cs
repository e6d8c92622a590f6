using System.Security.Cryptography;
using System.Text.Json;
using LtiTool.Lti;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace LtiTool.Demo;

/// <summary>
/// The demo LMS as an LTI 1.3 platform: its registration values, its signing key (RSA-2048, made at start and kept in
/// memory: the demo's keys need not survive a restart) and the id_tokens it issues, shaped like Moodle 5.0's.
/// </summary>
public sealed class DemoPlatform : IDisposable
{
    /// <summary>Moodle's id_tokens live 60 seconds; so do ours.</summary>
    private static readonly TimeSpan IdTokenLifetime = TimeSpan.FromSeconds(60);

    private readonly RSA _rsa = RSA.Create(2048);
    private readonly DemoCourse _course;
    private readonly DemoGradebook _gradebook;
    private readonly TimeProvider _time;
    private readonly DemoPlatformKind _kind;
    private DemoUrls? _startUrls;

    public DemoPlatform(DemoCourse course, DemoGradebook gradebook, TimeProvider time, Microsoft.Extensions.Options.IOptions<DemoOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _course = course;
        _gradebook = gradebook;
        _time = time;
        _kind = options.Value.Platform;
        SigningKey = new RsaSecurityKey(_rsa) { KeyId = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(12)) };
    }

    public string ClientId => "edurec-demo";

    public string DeploymentId => "demo-deployment-1";

    /// <summary>The private signing key; its public half is served at <c>/demo/jwks.json</c>.</summary>
    public RsaSecurityKey SigningKey { get; }

    /// <summary>The URLs the platform registered itself with at start (server address or Demo:PublicBaseUrl).</summary>
    public DemoUrls Urls => _startUrls ?? throw new InvalidOperationException("The demo platform has not started yet.");

    public string Issuer => Urls.Issuer;

    internal void Started(DemoUrls urls) => _startUrls = urls;

    /// <summary>
    /// A complete, valid claim set for a launch (LTI 1.3 Core §5; Deep Linking 2.0 §4.4; AGS 2.0 §3.1; NRPS 2.0 §3.6),
    /// mutable so tests can tamper with it before <see cref="SignIdToken"/>.
    /// </summary>
    /// <param name="resourceLink">Resource-link launches only; the seeded practice panel when null.</param>
    /// <param name="urls">The origin the launch runs on; the start URLs when null.</param>
    public Dictionary<string, object?> CreateLaunchClaims(
        DemoUser user, DemoMessageKind kind, string nonce, string targetLinkUri, DemoResourceLink? resourceLink = null, DemoUrls? urls = null, string? deepLinkData = null)
    {
        urls ??= Urls;
        var now = _time.GetUtcNow();
        var claims = new Dictionary<string, object?>
        {
            [LtiConstants.Claims.Issuer] = urls.Issuer,
            [LtiConstants.Claims.Audience] = ClientId,
            [LtiConstants.Claims.Subject] = user.Id,
            [LtiConstants.Claims.IssuedAt] = now.ToUnixTimeSeconds(),
            [LtiConstants.Claims.Expires] = now.Add(IdTokenLifetime).ToUnixTimeSeconds(),
            [LtiConstants.Claims.Nonce] = nonce,
            [LtiConstants.Claims.DeploymentId] = DeploymentId,
            [LtiConstants.Claims.MessageType] = kind == DemoMessageKind.DeepLinking
                ? LtiConstants.MessageTypes.DeepLinkingRequest
                : LtiConstants.MessageTypes.ResourceLinkRequest,
            [LtiConstants.Claims.Version] = LtiConstants.LtiVersion,
            [LtiConstants.Claims.TargetLinkUri] = targetLinkUri,
            [LtiConstants.Claims.Roles] = new[] { user.IsInstructor ? LtiConstants.Roles.Instructor : LtiConstants.Roles.Learner },
            [LtiConstants.Claims.Context] = new Dictionary<string, object?>
            {
                ["id"] = DemoCourse.ContextId,
                ["label"] = DemoCourse.Label,
                ["title"] = DemoCourse.Title,
                ["type"] = new[] { DemoSpecNames.ContextTypeCourseSection },
            },
            [LtiConstants.Claims.Lis] = new Dictionary<string, object?> { ["person_sourcedid"] = string.Empty, ["course_section_sourcedid"] = DemoCourse.Label },
            [LtiConstants.Claims.ToolPlatform] = new Dictionary<string, object?>
            {
                [DemoSpecNames.ProductFamilyCode] = _kind == DemoPlatformKind.Moodle ? LtiConstants.ProductFamilies.Moodle : DemoSpecNames.DemoProductFamily,
                ["version"] = "1.0",
                ["guid"] = "edurec-demo-lms",
                ["name"] = "EduRec demo LMS",
                ["description"] = "The LMS built into EduRecLti for trying the tool",
            },
            [LtiConstants.Claims.LaunchPresentation] = new Dictionary<string, object?>
            {
                [LtiConstants.Claims.Locale] = "en",
                ["document_target"] = "iframe",
                ["return_url"] = urls.Home,
            },
            [LtiConstants.Claims.AgsEndpoint] = AgsClaim(kind, resourceLink, urls),
            [LtiConstants.Claims.NrpsService] = new Dictionary<string, object?>
            {
                [DemoSpecNames.NrpsContextMembershipsUrl] = urls.MembershipsUrl,
                [DemoSpecNames.NrpsServiceVersions] = new[] { "2.0" },
            },
        };
        AddPersonClaims(claims, user);
        if (kind == DemoMessageKind.DeepLinking)
        {
            claims[LtiConstants.Claims.Custom] = new Dictionary<string, object?> { ["course_title"] = DemoCourse.Title };
            claims[LtiConstants.Claims.DeepLinkingSettings] = DeepLinkingSettings(urls, deepLinkData);
        }
        else
        {
            var link = resourceLink ?? _course.PracticePanel;
            claims[LtiConstants.Claims.ResourceLink] = new Dictionary<string, object?> { ["id"] = link.Id, ["title"] = link.Title, ["description"] = link.Description };
            claims[LtiConstants.Claims.Custom] = link.Custom.ToDictionary(c => c.Key, c => (object?)c.Value);
        }

        return claims;
    }

    /// <summary>
    /// Signs a claim set as an RS256 JWS with <c>kid</c> in the header (Security Framework §5.1.3, §6.1). The overrides
    /// let tests produce what a broken or hostile platform would send.
    /// </summary>
    /// <param name="keyId">Header kid; the signing key's id when null. Ignored when <paramref name="omitKeyId"/>.</param>
    /// <param name="signingKey">Another key to sign with (e.g. one the JWKS does not publish).</param>
    /// <param name="algorithm">Another JWS algorithm, with a <paramref name="signingKey"/> that supports it.</param>
    public string SignIdToken(
        IReadOnlyDictionary<string, object?> claims, string? keyId = null, bool omitKeyId = false, SecurityKey? signingKey = null, string? algorithm = null)
    {
        ArgumentNullException.ThrowIfNull(claims);
        var key = signingKey ?? SigningKey;
        var headerKeyId = omitKeyId ? null : keyId ?? key.KeyId;
        // The handler writes the kid of the key it is given, so the header kid is set by signing with a copy named so.
        SecurityKey named = key switch
        {
            RsaSecurityKey rsa when rsa.KeyId != headerKeyId => new RsaSecurityKey(rsa.Rsa ?? RSA.Create(rsa.Parameters)) { KeyId = headerKeyId },
            SymmetricSecurityKey symmetric when symmetric.KeyId != headerKeyId => new SymmetricSecurityKey(symmetric.Key) { KeyId = headerKeyId },
            _ => key,
        };
        var credentials = new SigningCredentials(named, algorithm ?? LtiConstants.SigningAlgorithm);
        return new JsonWebTokenHandler().CreateToken(JsonSerializer.Serialize(claims), credentials);
    }

    /// <summary>The public JWKS: kty, kid, alg, use, n, e and nothing private (RFC 7517 §4, §5; Security Framework §6.3).</summary>
    public object PublicJwks()
    {
        var parameters = _rsa.ExportParameters(includePrivateParameters: false);
        return new
        {
            keys = new[]
            {
                new Dictionary<string, string>
                {
                    ["kty"] = "RSA",
                    ["kid"] = SigningKey.KeyId,
                    ["alg"] = LtiConstants.SigningAlgorithm,
                    ["use"] = "sig",
                    ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
                    ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
                },
            },
        };
    }

    public void Dispose() => _rsa.Dispose();

    private static void AddPersonClaims(Dictionary<string, object?> claims, DemoUser user)
    {
        // Withheld by privacy settings: the claims are left out, not sent empty (LTI 1.3 Core §5.3.6).
        if (user.Name is { } name)
        {
            claims[LtiConstants.Claims.Name] = name;
            claims[LtiConstants.Claims.GivenName] = user.GivenName;
            claims[LtiConstants.Claims.FamilyName] = user.FamilyName;
        }

        if (user.Email is { } email)
        {
            claims[LtiConstants.Claims.Email] = email;
        }
    }

    private Dictionary<string, object?> AgsClaim(DemoMessageKind kind, DemoResourceLink? resourceLink, DemoUrls urls)
    {
        var claim = new Dictionary<string, object?>
        {
            [DemoSpecNames.AgsScope] = new[] { LtiConstants.Scopes.LineItem, LtiConstants.Scopes.LineItemReadOnly, LtiConstants.Scopes.ResultReadOnly, LtiConstants.Scopes.Score },
            [DemoSpecNames.AgsLineItems] = urls.LineItemsUrl,
        };
        // Only a resource-link launch of a graded link names its own column (AGS 2.0 §3.1, as Moodle does).
        if (kind == DemoMessageKind.ResourceLink && _gradebook.LineItemOfLink((resourceLink ?? _course.PracticePanel).Id) is { } lineItem)
        {
            claim[DemoSpecNames.AgsLineItem] = urls.LineItemUrl(lineItem.Id);
        }

        return claim;
    }

    private static Dictionary<string, object?> DeepLinkingSettings(DemoUrls urls, string? data)
    {
        var settings = new Dictionary<string, object?>
        {
            [DemoSpecNames.DeepLinkReturnUrl] = urls.DeepLinkReturnUrl,
            [DemoSpecNames.AcceptTypes] = new[] { DemoSpecNames.ContentItemTypeLtiResourceLink },
            [DemoSpecNames.AcceptPresentationDocumentTargets] = new[] { "frame", "iframe", "window" },
            [DemoSpecNames.AcceptMultiple] = true,
            [DemoSpecNames.AcceptLineItem] = true,
            [DemoSpecNames.AutoCreate] = false,
            ["title"] = "Add practice to " + DemoCourse.Label,
            ["text"] = string.Empty,
        };
        // data is optional and, when sent, must come back unchanged (Deep Linking 2.0 §4.4.1): left out, not null.
        if (data is not null)
        {
            settings[DemoSpecNames.Data] = data;
        }

        return settings;
    }
}
