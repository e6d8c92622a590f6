using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace LtiTool.Demo;

/// <summary>
/// The opaque <c>data</c> values sent in deep linking requests: the tool must echo one back unchanged (Deep Linking 2.0
/// §4.4.1), and each can be redeemed once, so a response cannot be replayed into the course.
/// </summary>
public sealed class DemoDeepLinkData(TimeProvider time)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _issued = new(StringComparer.Ordinal);

    public string Issue()
    {
        var now = time.GetUtcNow();
        foreach (var (value, expiresAt) in _issued)
        {
            if (expiresAt <= now)
            {
                _issued.TryRemove(value, out _);
            }
        }

        var data = "dl-" + Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(16));
        _issued[data] = now.Add(Lifetime);
        return data;
    }

    public bool TryRedeem(string? data) =>
        data is not null && _issued.TryRemove(data, out var expiresAt) && expiresAt > time.GetUtcNow();
}
