namespace EduRecLti.Knowledge.Datasets;

/// <summary>One train/test partition, as positions of students in <see cref="LoadedDataset.Data"/>.</summary>
/// <param name="Name">Human-readable fold name, e.g. "test3".</param>
/// <param name="TrainStudents">Students the models are fitted on.</param>
/// <param name="TestStudents">Students whose answers are predicted (for masked matrices: the students whose cells are masked).</param>
public sealed record StudentFold(string Name, IReadOnlyList<int> TrainStudents, IReadOnlyList<int> TestStudents)
{
    /// <summary>The first <paramref name="maxStudents"/> training and test students, for quick runs on a slice.</summary>
    public StudentFold Limit(int? maxStudents) => maxStudents is { } n
        ? this with { TrainStudents = TrainStudents.Take(n).ToList(), TestStudents = TestStudents.Take(n).ToList() }
        : this;
}

/// <summary>How a data set is split for evaluation.</summary>
/// <param name="SplitId">Stable id from ml-anchors.md (S1, S2, S2d, S3, S5) or a derived one (e.g. "S3-cv5", "mask20").</param>
/// <param name="Description">Where the split comes from, in one line.</param>
/// <param name="Folds">The folds; results are averaged over them.</param>
public sealed record SplitDescription(string SplitId, string Description, IReadOnlyList<StudentFold> Folds);
