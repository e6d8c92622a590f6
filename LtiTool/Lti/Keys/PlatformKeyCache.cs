using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using LtiTool.Lti.Http;
using LtiTool.Lti.Platforms;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace LtiTool.Lti.Keys;

/// <summary>
/// Platform public keys by JWKS URL. Honours Cache-Control max-age up to a cap, refetches once when a launch names
/// an unknown kid (rate limited, one fetch in flight per URL), and keeps serving the last good set when a refresh
/// fails or returns nothing usable (Security Framework §6.3–6.4; catalogue cases 15, 94, 109).
/// </summary>
public sealed partial class PlatformKeyCache(
    IHttpClientFactory httpClientFactory,
    UrlPolicy urlPolicy,
    TimeProvider timeProvider,
    IOptions<LtiOptions> options,
    ILogger<PlatformKeyCache> logger)
{
    public const string HttpClientName = "platform-keys";

    /// <summary>Largest JWKS document read; real ones are a few KB.</summary>
    internal const int MaxDocumentBytes = 64 * 1024;

    private const int MaxKeys = 100;
    private const int MinimumRsaKeyBits = 2048;

    // A cached set older than this is not used even when every refresh fails.
    private static readonly TimeSpan MaxStaleness = TimeSpan.FromHours(48);

    private readonly ConcurrentDictionary<string, CacheEntry> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _fetchGates = new(StringComparer.Ordinal);

    /// <summary>Finds the platform's key with this kid, fetching or refetching the JWKS as needed.</summary>
    public async Task<KeyLookup> FindKeyAsync(Platform platform, string kid, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(platform);
        var url = platform.JwksUrl;
        var entry = _entries.GetValueOrDefault(url);
        var now = timeProvider.GetUtcNow();
        if (entry is null || entry.ExpiresAt <= now)
        {
            entry = await RefreshAsync(url, entry, force: false, cancellationToken);
        }

        if (entry is null)
        {
            return KeyLookup.Unavailable;
        }

        if (entry.Keys.TryGetValue(kid, out var key))
        {
            return new KeyLookup(key, null);
        }

        // Unknown kid: the platform may have rotated. One refetch, not more often than the configured interval.
        if (now - entry.FetchedAt >= options.Value.PlatformKeysRefetchInterval)
        {
            entry = await RefreshAsync(url, entry, force: true, cancellationToken) ?? entry;
        }

        return entry.Keys.TryGetValue(kid, out key) ? new KeyLookup(key, null) : KeyLookup.UnknownKid;
    }

    private async Task<CacheEntry?> RefreshAsync(string url, CacheEntry? seen, bool force, CancellationToken cancellationToken)
    {
        var gate = _fetchGates.GetOrAdd(url, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            // Another launch may have refreshed while this one waited: single flight.
            var current = _entries.GetValueOrDefault(url);
            if (current is not null && !ReferenceEquals(current, seen) && (force || current.ExpiresAt > timeProvider.GetUtcNow()))
            {
                return current;
            }

            var fetched = await FetchAsync(url, cancellationToken);
            if (fetched is not null)
            {
                _entries[url] = fetched;
                return fetched;
            }

            if (current is not null && timeProvider.GetUtcNow() - current.FetchedAt < MaxStaleness)
            {
                // Keep the last good keys, and do not hammer a failing endpoint: retry after the refetch interval.
                var stale = current with { ExpiresAt = timeProvider.GetUtcNow() + options.Value.PlatformKeysRefetchInterval, FetchedAt = timeProvider.GetUtcNow() };
                _entries[url] = stale;
                return stale;
            }

            return null;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<CacheEntry?> FetchAsync(string url, CancellationToken cancellationToken)
    {
        if (!urlPolicy.IsAllowed(url))
        {
            LogFetchFailed(logger, url, "URL not allowed (https required)");
            return null;
        }

        try
        {
            var client = httpClientFactory.CreateClient(HttpClientName);
            using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                LogFetchFailed(logger, url, "HTTP " + (int)response.StatusCode);
                return null;
            }

            var body = await ReadCappedAsync(response.Content, cancellationToken);
            var keys = body is null ? null : ParseKeys(body);
            if (keys is null || keys.Count == 0)
            {
                // An empty or unusable set never replaces good keys.
                LogFetchFailed(logger, url, "no usable keys");
                return null;
            }

            var now = timeProvider.GetUtcNow();
            return new CacheEntry(keys, now, now + CacheTime(response));
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or JsonException)
        {
            LogFetchFailed(logger, url, exception.GetType().Name);
            return null;
        }
    }

    private TimeSpan CacheTime(HttpResponseMessage response)
    {
        var maxAge = response.Headers.CacheControl?.MaxAge ?? options.Value.PlatformKeysDefaultCacheTime;
        return maxAge > options.Value.PlatformKeysMaxCacheTime ? options.Value.PlatformKeysMaxCacheTime : maxAge;
    }

    private static async Task<byte[]?> ReadCappedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength > MaxDocumentBytes)
        {
            return null;
        }

        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxDocumentBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private Dictionary<string, SecurityKey>? ParseKeys(byte[] body)
    {
        using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 8 });
        if (document.RootElement.ValueKind != JsonValueKind.Object
            || !document.RootElement.TryGetProperty("keys", out var keys)
            || keys.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var result = new Dictionary<string, SecurityKey>(StringComparer.Ordinal);
        foreach (var jwk in keys.EnumerateArray().Take(MaxKeys))
        {
            if (TryReadRsaKey(jwk, out var kid, out var key))
            {
                result.TryAdd(kid, key);
            }
        }

        return result;
    }

    // Only RSA signing keys of at least 2048 bits with a kid are usable (Security Framework §6.1–6.3);
    // symmetric ("oct") and weak keys are skipped, so no launch can be verified with them.
    private bool TryReadRsaKey(JsonElement jwk, out string kid, out SecurityKey key)
    {
        kid = string.Empty;
        key = null!;
        if (jwk.ValueKind != JsonValueKind.Object
            || GetString(jwk, "kty") != "RSA"
            || GetString(jwk, "kid") is not { Length: > 0 and <= 256 } keyId
            || GetString(jwk, "n") is not { } n
            || GetString(jwk, "e") is not { } e
            || GetString(jwk, "use") is { } use && use != "sig"
            || GetString(jwk, "alg") is { } alg && !options.Value.AcceptedAlgorithms.Contains(alg))
        {
            return false;
        }

        try
        {
            var parameters = new RSAParameters { Modulus = Base64UrlEncoder.DecodeBytes(n), Exponent = Base64UrlEncoder.DecodeBytes(e) };
            if (parameters.Modulus.Length * 8 < MinimumRsaKeyBits)
            {
                return false;
            }

            kid = keyId;
            key = new RsaSecurityKey(parameters) { KeyId = keyId };
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static string? GetString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    [LoggerMessage(EventId = 2301, Level = LogLevel.Warning, Message = "Platform JWKS fetch from {Url} failed: {Reason}")]
    private static partial void LogFetchFailed(ILogger logger, string url, string reason);

    private sealed record CacheEntry(IReadOnlyDictionary<string, SecurityKey> Keys, DateTimeOffset FetchedAt, DateTimeOffset ExpiresAt);
}

/// <summary>Outcome of a key lookup: the key, or why there is none.</summary>
public sealed record KeyLookup(SecurityKey? Key, LtiError? Error)
{
    public static KeyLookup Unavailable { get; } = new(null, LtiErrors.PlatformKeysUnavailable);

    public static KeyLookup UnknownKid { get; } = new(null, LtiErrors.KeyIdUnknown);
}
