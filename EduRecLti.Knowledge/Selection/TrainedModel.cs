using System.Text.Json;
using EduRecLti.Knowledge.Core;

namespace EduRecLti.Knowledge.Selection;

/// <summary>
/// What the product stores per course: the chosen model's fitted parameters with how and when they were obtained.
/// <see cref="Version"/> counts trainings of the course (the product keeps older versions for rollback);
/// <see cref="FormatVersion"/> is the layout of this record itself.
/// </summary>
public sealed record TrainedModel(
    string ModelName,
    int Version,
    ModelSnapshot Snapshot,
    IReadOnlyList<CandidateScore> Candidates,
    string SelectionReason,
    int Students,
    int Observations,
    DateTimeOffset TrainedAt,
    TimeSpan TrainingTime)
{
    public const int CurrentFormatVersion = 1;

    public int FormatVersion { get; init; } = CurrentFormatVersion;

    private static readonly JsonSerializerOptions JsonOptions = new() { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    public static TrainedModel FromJson(string json)
    {
        var model = JsonSerializer.Deserialize<TrainedModel>(json, JsonOptions) ?? throw new InvalidDataException("Empty trained model.");
        return model.FormatVersion == CurrentFormatVersion
            ? model
            : throw new NotSupportedException($"Trained model format {model.FormatVersion} is not {CurrentFormatVersion}.");
    }

    /// <summary>A ready model: created from the catalog by name and restored from the stored snapshot (no refit).</summary>
    public IKnowledgeModel Load()
    {
        if (!ModelCatalog.TryCreate(ModelName, out var model))
        {
            throw new InvalidOperationException($"Model '{ModelName}' is not in the catalog.");
        }

        model.Restore(Snapshot);
        return model;
    }
}
