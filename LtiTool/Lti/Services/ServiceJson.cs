using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LtiTool.Lti.Services;

/// <summary>
/// JSON of the services. Property names come from the naming policy, so the C# names are the spec names: camelCase for
/// AGS (AGS 2.0 §3.2–3.4), snake_case for NRPS and OAuth (NRPS 2.0 §2.2; RFC 6749 §5.1). Bodies are size-limited.
/// </summary>
internal static class ServiceJson
{
    public static readonly JsonSerializerOptions CamelCase = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Bodies go to APIs, not into HTML: "+00:00" is sent as written, not as \u002B00:00.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static readonly JsonSerializerOptions SnakeCase = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The body as <typeparamref name="T"/>; a body that is not valid JSON of that shape is reported, never retried.</summary>
    public static T Read<T>(ReadOnlySpan<byte> body, JsonSerializerOptions options, string what)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(body, options)
                ?? throw new LtiServiceException(LtiServiceError.MalformedResponse, $"The {what} response body is empty JSON.");
        }
        catch (JsonException ex)
        {
            throw new LtiServiceException(LtiServiceError.MalformedResponse, $"The {what} response body is not valid JSON of the expected shape.", innerException: ex);
        }
    }

    /// <summary>Reads a body of at most <paramref name="maxBytes"/> bytes: anything the platform sends is untrusted.</summary>
    public static async Task<byte[]> ReadBoundedAsync(HttpContent content, int maxBytes, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength > maxBytes)
        {
            throw TooLarge(maxBytes);
        }

        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw TooLarge(maxBytes);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static LtiServiceException TooLarge(int maxBytes) =>
        new(LtiServiceError.MalformedResponse, $"The response body is larger than {maxBytes} bytes.");
}
