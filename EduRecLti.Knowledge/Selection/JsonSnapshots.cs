using System.Text.Json;
using EduRecLti.Knowledge.Core;

namespace EduRecLti.Knowledge.Selection;

/// <summary>Versioned JSON snapshots of fitted parameters: one place for the write/read and the version check.</summary>
internal static class JsonSnapshots
{
    public static ModelSnapshot Write<T>(string model, int formatVersion, T? parameters)
        where T : class =>
        new(model, formatVersion, JsonSerializer.Serialize(parameters ?? throw new InvalidOperationException("Fit or Restore the model first.")));

    public static T Read<T>(ModelSnapshot snapshot, int formatVersion)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (snapshot.FormatVersion != formatVersion)
        {
            throw new NotSupportedException($"{snapshot.Model} snapshot format {snapshot.FormatVersion} is not {formatVersion}.");
        }

        return JsonSerializer.Deserialize<T>(snapshot.Parameters) ?? throw new InvalidDataException($"Empty {snapshot.Model} snapshot.");
    }
}
