using EduRecLti.Knowledge.Datasets;

namespace EduRecLti.Knowledge.Tests.Datasets;

public sealed class StudentFoldsTests
{
    [Fact]
    public void Random_SameSeed_GivesSameDisjointCoveringFolds()
    {
        var folds = StudentFolds.Random(23, 5, new Random(4));
        var again = StudentFolds.Random(23, 5, new Random(4));

        Assert.Equal(folds.Select(f => f.TestStudents), again.Select(f => f.TestStudents));
        Assert.Equal(Enumerable.Range(0, 23), folds.SelectMany(f => f.TestStudents).Order());
        Assert.All(folds, f => Assert.Empty(f.TrainStudents.Intersect(f.TestStudents)));
        Assert.All(folds, f => Assert.Equal(23, f.TrainStudents.Count + f.TestStudents.Count));
        Assert.All(folds, f => Assert.InRange(f.TestStudents.Count, 4, 5));
    }

    [Fact]
    public void Limit_MaxStudents_KeepsFirstOfEach()
    {
        var fold = new StudentFold("f", [5, 6, 7], [1, 2]);

        var limited = fold.Limit(2);

        Assert.Equal([5, 6], limited.TrainStudents);
        Assert.Equal([1, 2], limited.TestStudents);
        Assert.Same(fold, fold.Limit(null));
    }
}
