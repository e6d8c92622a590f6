using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace LtiTool.Demo;

/// <summary>
/// Access tokens the demo token endpoint issued (opaque, in memory, one hour as Moodle's), and the client assertion
/// ids already used, so a replayed assertion is refused (RFC 7523 §3 item 7).
/// </summary>
public sealed class DemoAccessTokens(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private readonly ConcurrentDictionary<string, (IReadOnlySet<string> Scopes, DateTimeOffset ExpiresAt)> _tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _usedAssertionIds = new(StringComparer.Ordinal);

    public string Issue(IReadOnlyCollection<string> scopes)
    {
        var now = time.GetUtcNow();
        Prune(now);
        var token = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        _tokens[token] = (scopes.ToHashSet(StringComparer.Ordinal), now.Add(Lifetime));
        return token;
    }

    /// <summary>The scopes of a live token, or null when the token is unknown or expired.</summary>
    public IReadOnlySet<string>? ScopesOf(string token) =>
        _tokens.TryGetValue(token, out var entry) && entry.ExpiresAt > time.GetUtcNow() ? entry.Scopes : null;

    /// <summary>Marks an assertion id used until its expiry; false when it was used before.</summary>
    public bool TryUseAssertionId(string jti, DateTimeOffset expiresAt)
    {
        var now = time.GetUtcNow();
        if (_usedAssertionIds.TryGetValue(jti, out var until) && until > now)
        {
            return false;
        }

        _usedAssertionIds[jti] = expiresAt;
        return true;
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (token, entry) in _tokens)
        {
            if (entry.ExpiresAt <= now)
            {
                _tokens.TryRemove(token, out _);
            }
        }

        foreach (var (jti, until) in _usedAssertionIds)
        {
            if (until <= now)
            {
                _usedAssertionIds.TryRemove(jti, out _);
            }
        }
    }
}
