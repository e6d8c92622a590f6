using EduRecLti.Knowledge.Datasets;

namespace EduRecLti.Knowledge.Tests.Datasets;

/// <summary>The published splits re-created from shared/data reproduce the counts stated in each README.</summary>
public sealed class DatasetDirectoryTests
{
    [Fact]
    public void Load_DkvmnDirectory_ReproducesS1Counts()
    {
        var s1 = Assert.Single(DatasetDirectory.Load(SharedData.Directory("assist2009-dkvmn")));

        AssertTrainTest(s1, "S1", 2921, 1230, 224_218, 101_419);
        Assert.Equal(110, s1.Data.SkillCount);
    }

    [Fact]
    public void Load_DktBuilderDirectory_ReproducesS5Counts()
    {
        var s5 = Assert.Single(DatasetDirectory.Load(SharedData.Directory("assist2009-dkt-builder")));

        AssertTrainTest(s5, "S5", 3361, 856, 407_967, 117_567);
        Assert.Equal(124, s5.Data.SkillCount);
    }

    [Fact]
    public void Load_GervetDirectory_ReproducesS3Counts()
    {
        var s3 = Assert.Single(DatasetDirectory.Load(SharedData.Directory("assist2009-gervet")));

        AssertTrainTest(s3, "S3", 2491, 623, 220_070, 58_266);
        Assert.Equal(17_708, s3.Data.ItemCount);
        Assert.Equal(123, s3.Data.SkillCount);
        Assert.Equal(21_202, s3.Data.ItemSkills!.Sum(s => s.Length));
    }

    [Fact]
    public void Load_AktDirectory_ReproducesS2AndS2dFolds()
    {
        var loaded = DatasetDirectory.Load(SharedData.Directory("assist2009-akt-pid"));

        var s2 = loaded.Single(d => d.Split.SplitId == "S2");
        Assert.Equal([830, 830, 830, 830, 830], s2.Split.Folds.Select(f => f.TestStudents.Count));
        Assert.Equal(4150, s2.Split.Folds.SelectMany(f => f.TestStudents).Distinct().Count());
        Assert.Equal(325_589, s2.Split.Folds.SelectMany(f => f.TestStudents).Sum(s => Answers(s2, s)));
        Assert.Equal([60_915, 61_280, 68_675, 66_318, 68_401], s2.Split.Folds.Select(f => f.TestStudents.Sum(s => Answers(s2, s))));
        Assert.All(s2.Split.Folds, f => Assert.Equal(4150 - 830 + 1, f.TrainStudents.Count));
        Assert.All(s2.Split.Folds, f => Assert.Empty(f.TrainStudents.Intersect(f.TestStudents)));
        Assert.Equal(16_891, s2.Data.ItemCount);
        Assert.Equal(110, s2.Data.SkillCount);

        var s2d = loaded.Single(d => d.Split.SplitId == "S2d");
        Assert.Equal(274_556, s2d.Data.ObservationCount);
        Assert.Equal(4150, s2d.Data.Students.Count);
        Assert.Equal(46_766, s2d.Data.Students.SelectMany(s => s).Count(o => o.Skills.Length > 1));
        Assert.Equal(
            s2.Split.Folds.Select(f => f.TestStudents.Select(s => s2.StudentIds[s]).Order()),
            s2d.Split.Folds.Select(f => f.TestStudents.Select(s => s2d.StudentIds[s]).Order()));
    }

    [Fact]
    public void Load_ResponseMatrices_HaveReadmeShapes()
    {
        var fraction = Assert.Single(DatasetDirectory.Load(SharedData.Directory("fraction-subtraction")));
        var ecpe = Assert.Single(DatasetDirectory.Load(SharedData.Directory("ecpe")));

        Assert.Equal((536, 20, 8, 10_720), (fraction.Data.Students.Count, fraction.Data.ItemCount, fraction.Data.SkillCount, fraction.Data.ObservationCount));
        Assert.Equal(56, fraction.Data.ItemSkills!.Sum(s => s.Length));
        Assert.Equal((2922, 28, 3, 81_816), (ecpe.Data.Students.Count, ecpe.Data.ItemCount, ecpe.Data.SkillCount, ecpe.Data.ObservationCount));
    }

    [Fact]
    public void Load_GradesDirectory_UsesTheAnswersBehindTheMatrix()
    {
        var grades = Assert.Single(DatasetDirectory.Load(SharedData.Directory("assist2009-grades")));
        var matrix = MatrixFileReaders.ReadGradeMatrix(Path.Combine(SharedData.Directory("assist2009-grades"), MatrixFileReaders.GradeMatrixFile));

        Assert.Equal(DatasetKind.GradeForecast, grades.Kind);
        Assert.Equal(274_556, grades.Data.ObservationCount);
        Assert.Equal(39_305, matrix.Data.ObservationCount);
        Assert.Equal(4150, matrix.Data.Students.Count);
        Assert.Equal(110, matrix.Data.SkillCount);
    }

    [Fact]
    public void Load_DirectoryWithoutKnownFiles_ThrowsNotSupported()
    {
        Assert.Throws<NotSupportedException>(() => DatasetDirectory.Load(SharedData.Directory("oulad-subset")));
    }

    private static int Answers(LoadedDataset dataset, int student) => dataset.Data.Students[student].Count;

    private static void AssertTrainTest(LoadedDataset dataset, string splitId, int train, int test, int trainAnswers, int testAnswers)
    {
        var fold = Assert.Single(dataset.Split.Folds);
        Assert.Equal(splitId, dataset.Split.SplitId);
        Assert.Equal((train, test), (fold.TrainStudents.Count, fold.TestStudents.Count));
        Assert.Equal((trainAnswers, testAnswers), (fold.TrainStudents.Sum(s => Answers(dataset, s)), fold.TestStudents.Sum(s => Answers(dataset, s))));
    }
}
