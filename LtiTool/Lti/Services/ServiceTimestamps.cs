using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LtiTool.Lti.Services;

/// <summary>
/// Score timestamps as AGS 2.0 §3.4 wants them: ISO 8601 with milliseconds and an offset
/// (<c>2026-11-22T10:54:41.135+00:00</c>). Moodle compares at one-second resolution, Canvas exactly; the caller fixes
/// the value once so a retry sends the same one (security catalogue c.4).
/// </summary>
internal sealed class ScoreTimestampConverter : JsonConverter<DateTimeOffset>
{
    public const string Format = "yyyy-MM-dd'T'HH:mm:ss.fffzzz";

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        DateTimeOffset.Parse(reader.GetString() ?? string.Empty, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString(Format, CultureInfo.InvariantCulture));
    }
}

/// <summary>Dates a platform sends (result timestamps, line item windows): read leniently, an unreadable value becomes null.</summary>
internal sealed class LenientTimestampConverter : JsonConverter<DateTimeOffset?>
{
    public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String
            && DateTimeOffset.TryParse(reader.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? value
            : null;

    public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is { } timestamp)
        {
            writer.WriteStringValue(timestamp.ToString(ScoreTimestampConverter.Format, CultureInfo.InvariantCulture));
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
