using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace LtiTool.Lti.Launch;

/// <summary>
/// An id_token split into its JWS parts with header and payload parsed by System.Text.Json under strict limits,
/// so every claim rule (types, lengths) is checked by our steps rather than assumed.
/// </summary>
public sealed class IdToken : IDisposable
{
    private const int MaxJsonDepth = 16;

    private readonly JsonDocument _header;
    private readonly JsonDocument _payload;

    private IdToken(string raw, JsonDocument header, JsonDocument payload)
    {
        Raw = raw;
        _header = header;
        _payload = payload;
    }

    public string Raw { get; }

    public JsonElement Header => _header.RootElement;

    public JsonElement Payload => _payload.RootElement;

    /// <summary>
    /// Parses a compact JWS. Five-part JWE tokens, compressed ("zip") tokens and JSON with duplicate keys or deep
    /// nesting are refused before any cryptography (catalogue cases 22, 57).
    /// </summary>
    public static IdToken? TryParse(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var parts = raw.Split('.');
        if (parts.Length != 3 || parts[0].Length == 0 || parts[1].Length == 0)
        {
            return null;
        }

        var header = TryParseJson(parts[0]);
        var payload = header is null ? null : TryParseJson(parts[1]);
        if (header is null || payload is null
            || header.RootElement.ValueKind != JsonValueKind.Object
            || payload.RootElement.ValueKind != JsonValueKind.Object
            || header.RootElement.TryGetProperty("zip", out _))
        {
            header?.Dispose();
            payload?.Dispose();
            return null;
        }

        return new IdToken(raw, header, payload);
    }

    public string? HeaderString(string name) =>
        Header.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public bool HasClaim(string name) => Payload.TryGetProperty(name, out _);

    public JsonElement? Claim(string name) => Payload.TryGetProperty(name, out var value) ? value : null;

    /// <summary>The claim when it is a JSON string; null when absent or of another type.</summary>
    public string? StringClaim(string name) =>
        Payload.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public JsonElement? ObjectClaim(string name) =>
        Payload.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? value : null;

    public void Dispose()
    {
        _header.Dispose();
        _payload.Dispose();
    }

    private static JsonDocument? TryParseJson(string segment)
    {
        try
        {
            var bytes = Base64UrlEncoder.DecodeBytes(segment);
            var options = new JsonDocumentOptions { MaxDepth = MaxJsonDepth, AllowDuplicateProperties = false };
            return JsonDocument.Parse(Encoding.UTF8.GetString(bytes), options);
        }
        catch (Exception exception) when (exception is FormatException or JsonException or ArgumentException)
        {
            return null;
        }
    }
}
