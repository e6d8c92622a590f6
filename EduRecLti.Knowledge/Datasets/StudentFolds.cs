namespace EduRecLti.Knowledge.Datasets;

/// <summary>Builds student-level folds: from a published fold label, or at random with a seed.</summary>
public static class StudentFolds
{
    /// <summary>One fold per distinct label (sorted): its students are the test set, all others the training set.</summary>
    public static IReadOnlyList<StudentFold> LeaveOneGroupOut(IReadOnlyList<int> labels, string namePrefix = "fold")
    {
        ArgumentNullException.ThrowIfNull(labels);
        return labels.Distinct().Order().Select(label => new StudentFold(
            $"{namePrefix}{label}",
            Enumerable.Range(0, labels.Count).Where(s => labels[s] != label).ToList(),
            Enumerable.Range(0, labels.Count).Where(s => labels[s] == label).ToList())).ToList();
    }

    /// <summary>K folds by student after a seeded shuffle (student i goes to fold rank(i) mod K).</summary>
    public static IReadOnlyList<StudentFold> Random(int studentCount, int folds, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(studentCount, folds);
        var order = Enumerable.Range(0, studentCount).ToArray();
        random.Shuffle(order);
        var labels = new int[studentCount];
        for (var rank = 0; rank < order.Length; rank++)
        {
            labels[order[rank]] = (rank % folds) + 1;
        }

        return LeaveOneGroupOut(labels);
    }
}
