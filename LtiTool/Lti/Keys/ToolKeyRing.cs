using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace LtiTool.Lti.Keys;

/// <summary>
/// The tool's RSA signing keys: one current key signs, one next key is already published so platforms have it
/// cached before it signs, and retired keys stay published for a grace period (Security Framework §6.3–6.4).
/// </summary>
public sealed class ToolKeyRing(
    IToolKeyStore store,
    IDataProtectionProvider dataProtection,
    TimeProvider timeProvider,
    IOptions<LtiOptions> options) : IDisposable
{
    private const int KeySizeBits = 2048;

    // Keys rotated by another instance are picked up within this time.
    private static readonly TimeSpan ReloadInterval = TimeSpan.FromMinutes(5);

    private readonly IDataProtector _protector = dataProtection.CreateProtector("EduRecLti.ToolKeys.v1");
    private readonly SemaphoreSlim _reloadGate = new(1, 1);
    private LoadedKeys? _loaded;

    /// <summary>Creates the current and next keys when missing and drops retired keys past their grace period.</summary>
    public async Task EnsureKeysAsync(CancellationToken cancellationToken = default)
    {
        await store.UpdateAsync(keys =>
        {
            var insert = new List<ToolKeyRecord>();
            if (!keys.Any(k => k.Status == ToolKeyRecord.Current))
            {
                insert.Add(CreateKey(ToolKeyRecord.Current));
            }

            if (!keys.Any(k => k.Status == ToolKeyRecord.Next))
            {
                insert.Add(CreateKey(ToolKeyRecord.Next));
            }

            return new ToolKeyChanges(insert, [], ExpiredRetiredKids(keys));
        }, cancellationToken);
        _loaded = null;
    }

    /// <summary>
    /// Promotes the next key to current, retires the current one (still published for the grace period) and
    /// creates a new next key. Returns the kid that now signs.
    /// </summary>
    public async Task<string> RotateAsync(CancellationToken cancellationToken = default)
    {
        string? promoted = null;
        await store.UpdateAsync(keys =>
        {
            var now = timeProvider.GetUtcNow().ToUnixTimeSeconds();
            var insert = new List<ToolKeyRecord> { CreateKey(ToolKeyRecord.Next) };
            var status = keys.Where(k => k.Status == ToolKeyRecord.Current)
                .Select(k => (k.Kid, ToolKeyRecord.Retired, (long?)now))
                .ToList();
            var next = keys.FirstOrDefault(k => k.Status == ToolKeyRecord.Next);
            if (next is null)
            {
                var fresh = CreateKey(ToolKeyRecord.Current);
                insert.Add(fresh);
                promoted = fresh.Kid;
            }
            else
            {
                status.Add((next.Kid, ToolKeyRecord.Current, null));
                promoted = next.Kid;
            }

            return new ToolKeyChanges(insert, status, ExpiredRetiredKids(keys));
        }, cancellationToken);
        _loaded = null;
        return promoted!;
    }

    /// <summary>Credentials of the current key, for client assertions and deep-linking responses.</summary>
    public async Task<SigningCredentials> GetSigningCredentialsAsync(CancellationToken cancellationToken = default)
    {
        var loaded = await LoadAsync(cancellationToken);
        return new SigningCredentials(loaded.Current, SecurityAlgorithms.RsaSha256);
    }

    /// <summary>The current signing key, also used to validate the tool's own API tokens.</summary>
    public async Task<IReadOnlyList<SecurityKey>> GetValidationKeysAsync(CancellationToken cancellationToken = default)
    {
        var loaded = await LoadAsync(cancellationToken);
        return loaded.Validation;
    }

    /// <summary>Public JWKs of the current, next and not yet expired retired keys: kty, kid, use, alg, n, e only.</summary>
    public async Task<IReadOnlyList<JsonElement>> GetPublishedKeysAsync(CancellationToken cancellationToken = default)
    {
        var loaded = await LoadAsync(cancellationToken);
        return loaded.Published;
    }

    private async Task<LoadedKeys> LoadAsync(CancellationToken cancellationToken)
    {
        var loaded = _loaded;
        if (loaded is not null && timeProvider.GetUtcNow() - loaded.LoadedAt < ReloadInterval)
        {
            return loaded;
        }

        await _reloadGate.WaitAsync(cancellationToken);
        try
        {
            loaded = _loaded;
            if (loaded is not null && timeProvider.GetUtcNow() - loaded.LoadedAt < ReloadInterval)
            {
                return loaded;
            }

            var keys = await store.ListAsync(cancellationToken);
            if (!keys.Any(k => k.Status == ToolKeyRecord.Current))
            {
                await EnsureKeysAsync(cancellationToken);
                keys = await store.ListAsync(cancellationToken);
            }

            loaded = BuildLoadedKeys(keys);
            _loaded = loaded;
            return loaded;
        }
        finally
        {
            _reloadGate.Release();
        }
    }

    private LoadedKeys BuildLoadedKeys(IReadOnlyList<ToolKeyRecord> keys)
    {
        var expired = ExpiredRetiredKids(keys).ToHashSet(StringComparer.Ordinal);
        var publishable = keys.Where(k => !expired.Contains(k.Kid)).ToList();
        var current = publishable.Last(k => k.Status == ToolKeyRecord.Current);
        var currentKey = ToSecurityKey(current);
        var validation = publishable.Where(k => k.Status != ToolKeyRecord.Next).Select(ToSecurityKey).ToList();
        var published = publishable.Select(k => JsonDocument.Parse(k.PublicJwk).RootElement.Clone()).ToList();
        return new LoadedKeys(currentKey, validation, published, timeProvider.GetUtcNow());
    }

    private RsaSecurityKey ToSecurityKey(ToolKeyRecord record)
    {
        var rsa = RSA.Create();
        rsa.ImportPkcs8PrivateKey(_protector.Unprotect(Convert.FromBase64String(record.ProtectedPrivateKey)), out _);
        return new RsaSecurityKey(rsa) { KeyId = record.Kid };
    }

    private List<string> ExpiredRetiredKids(IEnumerable<ToolKeyRecord> keys)
    {
        var cutoff = timeProvider.GetUtcNow().Subtract(options.Value.RetiredKeyGracePeriod).ToUnixTimeSeconds();
        return keys.Where(k => k.Status == ToolKeyRecord.Retired && k.RetiredAt < cutoff).Select(k => k.Kid).ToList();
    }

    private ToolKeyRecord CreateKey(string status)
    {
        using var rsa = RSA.Create(KeySizeBits);
        var parameters = rsa.ExportParameters(includePrivateParameters: false);
        var n = Base64UrlEncoder.Encode(parameters.Modulus);
        var e = Base64UrlEncoder.Encode(parameters.Exponent);
        var kid = Thumbprint(n, e);
        var publicJwk = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["kty"] = "RSA",
            ["kid"] = kid,
            ["use"] = "sig",
            ["alg"] = LtiConstants.SigningAlgorithm,
            ["n"] = n,
            ["e"] = e,
        });
        var protectedKey = Convert.ToBase64String(_protector.Protect(rsa.ExportPkcs8PrivateKey()));
        return new ToolKeyRecord(kid, status, timeProvider.GetUtcNow().ToUnixTimeSeconds(), null, publicJwk, protectedKey);
    }

    // RFC 7638 JWK thumbprint: stable, unique per key, and never reused for another key (Security Framework §6.3).
    private static string Thumbprint(string n, string e)
    {
        var canonical = $$"""{"e":"{{e}}","kty":"RSA","n":"{{n}}"}""";
        return Base64UrlEncoder.Encode(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(canonical)));
    }

    public void Dispose() => _reloadGate.Dispose();

    private sealed record LoadedKeys(RsaSecurityKey Current, IReadOnlyList<SecurityKey> Validation, IReadOnlyList<JsonElement> Published, DateTimeOffset LoadedAt);
}
