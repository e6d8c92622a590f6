namespace EduRecLti.Knowledge.Core;

/// <summary>
/// Observations grouped by student, each student's list in time order, with the dimensions a model needs
/// to size its parameters. Indices are dense so models can use arrays instead of dictionaries.
/// </summary>
public sealed class ResponseDataset
{
    public ResponseDataset(
        string name,
        IReadOnlyList<IReadOnlyList<Observation>> students,
        int itemCount,
        int skillCount,
        IReadOnlyList<int[]>? itemSkills = null)
    {
        ArgumentNullException.ThrowIfNull(students);
        Name = name;
        Students = students;
        ItemCount = itemCount;
        SkillCount = skillCount;
        ItemSkills = itemSkills;
    }

    public string Name { get; }

    /// <summary>One time-ordered sequence per student.</summary>
    public IReadOnlyList<IReadOnlyList<Observation>> Students { get; }

    public int ItemCount { get; }

    public int SkillCount { get; }

    /// <summary>The Q-matrix as item → skills, when the source has one; otherwise skills come per observation.</summary>
    public IReadOnlyList<int[]>? ItemSkills { get; }

    public int ObservationCount => Students.Sum(s => s.Count);

    /// <summary>A dataset with the same dimensions holding only the given students (used for folds).</summary>
    public ResponseDataset Subset(IEnumerable<int> studentPositions, string? name = null) =>
        new(name ?? Name, studentPositions.Select(i => Students[i]).ToList(), ItemCount, SkillCount, ItemSkills);
}
