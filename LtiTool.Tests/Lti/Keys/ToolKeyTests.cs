using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Dapper;
using LtiTool.Data;
using LtiTool.Lti.Keys;
using LtiTool.Tests.TestSupport;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.IdentityModel.Tokens;

namespace LtiTool.Tests.Lti.Keys;

/// <summary>
/// The tool's own keys (catalogue cases 95 and 110; Security Framework §6.1–6.4): the JWKS publishes only public
/// members under RFC 7638 kids, rotation keeps an overlap, and private keys are never stored in the clear.
/// </summary>
public sealed class ToolKeyTests
{
    private static readonly string[] PublicMembers = ["alg", "e", "kid", "kty", "n", "use"];

    [Fact]
    public async Task Jwks_Published_CurrentAndNextKeysWithOnlyPublicMembers()
    {
        using var tool = new ToolHost();

        var keys = await GetJwksAsync(tool);

        Assert.True(keys.Count >= 2, $"Expected current and next keys, got {keys.Count}");
        Assert.All(keys, key =>
        {
            Assert.Equal(PublicMembers, key.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
            Assert.Equal("RSA", key.GetProperty("kty").GetString());
            Assert.Equal("sig", key.GetProperty("use").GetString());
            Assert.Equal("RS256", key.GetProperty("alg").GetString());
            Assert.True(Base64UrlEncoder.DecodeBytes(key.GetProperty("n").GetString()).Length * 8 >= 2048, "RSA modulus under 2048 bits");
        });
        Assert.Equal(keys.Count, keys.Select(k => k.GetProperty("kid").GetString()).Distinct(StringComparer.Ordinal).Count());
        var stored = await tool.Service<IToolKeyStore>().ListAsync();
        Assert.Contains(stored, k => k.Status == ToolKeyRecord.Current);
        Assert.Contains(stored, k => k.Status == ToolKeyRecord.Next);
    }

    [Fact]
    public async Task Jwks_KeyIds_AreRfc7638Thumbprints()
    {
        using var tool = new ToolHost();

        var keys = await GetJwksAsync(tool);

        Assert.All(keys, key =>
        {
            var jwk = new JsonWebKey(key.GetRawText());
            Assert.Equal(Base64UrlEncoder.Encode(jwk.ComputeJwkThumbprint()), jwk.Kid);
        });
    }

    [Fact]
    public async Task Jwks_Response_PublicShortCacheAndJson()
    {
        using var tool = new ToolHost();
        using var client = tool.NewClient();

        using var response = await client.GetAsync(JwksEndpoint.Path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.MaxAge <= TimeSpan.FromHours(1), "JWKS cache time missing or over an hour");
    }

    [Fact]
    public async Task KeyRing_Rotate_NextKeySignsRetiredStaysPublishedUntilGracePeriodEnds()
    {
        using var tool = new ToolHost(new Dictionary<string, string?> { ["Lti:RetiredKeyGracePeriod"] = "02:00:00" });
        var ring = tool.Service<ToolKeyRing>();
        var before = await tool.Service<IToolKeyStore>().ListAsync();
        var formerCurrent = before.Single(k => k.Status == ToolKeyRecord.Current).Kid;
        var formerNext = before.Single(k => k.Status == ToolKeyRecord.Next).Kid;

        var promoted = await ring.RotateAsync();
        var signer = (await ring.GetSigningCredentialsAsync()).Key.KeyId;
        var publishedAfterRotation = await PublishedKidsAsync(tool);
        tool.Time.Advance(TimeSpan.FromHours(2) - TimeSpan.FromMinutes(1));
        await ring.EnsureKeysAsync();
        var publishedWithinGrace = await PublishedKidsAsync(tool);
        tool.Time.Advance(TimeSpan.FromMinutes(2));
        await ring.EnsureKeysAsync();
        var publishedAfterGrace = await PublishedKidsAsync(tool);
        var storedAfterGrace = await tool.Service<IToolKeyStore>().ListAsync();

        Assert.Equal(formerNext, promoted);
        Assert.Equal(formerNext, signer);
        Assert.Contains(formerCurrent, publishedAfterRotation);
        Assert.Contains(formerNext, publishedAfterRotation);
        Assert.Equal(3, publishedAfterRotation.Count);
        Assert.Contains(formerCurrent, publishedWithinGrace);
        Assert.DoesNotContain(formerCurrent, publishedAfterGrace);
        Assert.DoesNotContain(storedAfterGrace, k => k.Kid == formerCurrent);
        Assert.Equal(2, publishedAfterGrace.Count);
        Assert.Contains(formerNext, publishedAfterGrace);
    }

    [Fact]
    public async Task KeyRing_PrivateKeys_StoredOnlyInProtectedForm()
    {
        using var tool = new ToolHost();
        await using var connection = await tool.Service<Database>().OpenAsync();
        var rows = (await connection.QueryAsync<(string Kid, string PublicJwk, string ProtectedPrivateKey)>(
            "SELECT kid AS Kid, public_jwk AS PublicJwk, protected_private_key AS ProtectedPrivateKey FROM tool_keys;")).AsList();
        var protector = tool.Service<IDataProtectionProvider>().CreateProtector("EduRecLti.ToolKeys.v1");

        Assert.True(rows.Count >= 2);
        Assert.All(rows, row =>
        {
            Assert.DoesNotContain("PRIVATE KEY", row.ProtectedPrivateKey, StringComparison.Ordinal);
            Assert.False(ParsesAsPkcs8(Convert.FromBase64String(row.ProtectedPrivateKey)), "The stored private key is plain PKCS#8");
            Assert.False(ParsesAsPkcs8(System.Text.Encoding.ASCII.GetBytes(row.ProtectedPrivateKey)), "The stored column is plain PKCS#8");
            Assert.DoesNotContain("\"d\"", row.PublicJwk, StringComparison.Ordinal);
            // The protected form does hold this key: unprotected, it is the private half of the published modulus.
            using var rsa = RSA.Create();
            rsa.ImportPkcs8PrivateKey(protector.Unprotect(Convert.FromBase64String(row.ProtectedPrivateKey)), out _);
            var n = JsonDocument.Parse(row.PublicJwk).RootElement.GetProperty("n").GetString();
            Assert.Equal(n, Base64UrlEncoder.Encode(rsa.ExportParameters(false).Modulus));
        });
    }

    private static async Task<List<JsonElement>> GetJwksAsync(ToolHost tool)
    {
        using var client = tool.NewClient();
        using var document = JsonDocument.Parse(await client.GetStringAsync(JwksEndpoint.Path));
        return document.RootElement.GetProperty("keys").EnumerateArray().Select(k => k.Clone()).ToList();
    }

    private static async Task<List<string>> PublishedKidsAsync(ToolHost tool) =>
        (await GetJwksAsync(tool)).Select(k => k.GetProperty("kid").GetString()!).ToList();

    private static bool ParsesAsPkcs8(byte[] bytes)
    {
        using var rsa = RSA.Create();
        try
        {
            rsa.ImportPkcs8PrivateKey(bytes, out _);
            return true;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}
