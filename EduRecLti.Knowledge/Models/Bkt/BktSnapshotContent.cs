using System.Text.Json;

namespace EduRecLti.Knowledge.Models.Bkt;

/// <summary>The JSON body of a BKT <see cref="Core.ModelSnapshot"/>: every fitted skill plus the fallback skill.</summary>
internal sealed record BktSnapshotContent(int SkillCount, BktSkillParameters Fallback, IReadOnlyList<BktSnapshotSkill> Skills)
{
    /// <summary>Bump when the layout of this record (or of <see cref="BktSkillParameters"/>) changes.</summary>
    public const int FormatVersion = 1;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static BktSnapshotContent FromJson(string json) =>
        JsonSerializer.Deserialize<BktSnapshotContent>(json, Json)
        ?? throw new FormatException("The BKT snapshot is empty.");
}

/// <summary>One fitted skill of a snapshot.</summary>
internal sealed record BktSnapshotSkill(int Skill, BktSkillParameters Parameters);
