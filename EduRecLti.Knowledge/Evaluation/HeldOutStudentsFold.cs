using EduRecLti.Knowledge.Core;
using EduRecLti.Knowledge.Datasets;

namespace EduRecLti.Knowledge.Evaluation;

/// <summary>A fold that holds out whole students: fit on the training students, score the test students as new ones.</summary>
public abstract class HeldOutStudentsFold : PreparedFold
{
    protected HeldOutStudentsFold(LoadedDataset dataset, StudentFold fold)
        : base(fold?.Name ?? throw new ArgumentNullException(nameof(fold)), Sequences(dataset, fold.TrainStudents, $"{fold.Name}/train"))
    {
        Test = Sequences(dataset, fold.TestStudents, $"{fold.Name}/test");
        TestStudents = Test.Students.Count;
    }

    /// <summary>The held-out students, renumbered 0..n−1 (the numbers mean nothing to the fitted model).</summary>
    protected ResponseDataset Test { get; }

    private static ResponseDataset Sequences(LoadedDataset dataset, IEnumerable<int> students, string name)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return Slice(dataset.Data, students.Select(s => dataset.Data.Students[s]), $"{dataset.Name}/{name}");
    }
}
