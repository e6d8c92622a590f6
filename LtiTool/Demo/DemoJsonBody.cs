using System.Text.Json;

namespace LtiTool.Demo;

/// <summary>Reads a size-limited JSON object from a request body: anything the tool sends is untrusted input.</summary>
internal static class DemoJsonBody
{
    public static async Task<JsonElement> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            throw new InvalidBodyException($"The body is larger than {maxBytes} bytes.");
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw new InvalidBodyException($"The body is larger than {maxBytes} bytes.");
            }

            buffer.Write(chunk, 0, read);
        }

        try
        {
            using var document = JsonDocument.Parse(buffer.ToArray());
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? document.RootElement.Clone()
                : throw new InvalidBodyException("The body must be a JSON object.");
        }
        catch (JsonException)
        {
            throw new InvalidBodyException("The body is not valid JSON.");
        }
    }

    public static string? String(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public sealed class InvalidBodyException(string message) : Exception(message);
}
