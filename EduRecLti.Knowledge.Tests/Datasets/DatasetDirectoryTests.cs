using EduRecLti.Knowledge.Datasets;

namespace EduRecLti.Knowledge.Tests.Datasets;

/// <summary>
/// The readers re-create each layout's split from the committed slices (counts as cut by scripts/cut-test-samples.py);
/// the counts of the full published splits are checked by scripts/bench-models.sh.
/// </summary>
public sealed class DatasetDirectoryTests
{
    [Fact]
    public void Load_DkvmnSlice_ReadsTrainAndTestFiles()
    {
        var s1 = Assert.Single(DatasetDirectory.Load(Samples.Directory("assist2009-dkvmn")));

        AssertTrainTest(s1, "S1", 60, 25, 9547, 6758);
        Assert.Equal(91, s1.Data.SkillCount);
    }

    [Fact]
    public void Load_DktBuilderSlice_ReadsTrainAndTestFiles()
    {
        var s5 = Assert.Single(DatasetDirectory.Load(Samples.Directory("assist2009-dkt-builder")));

        AssertTrainTest(s5, "S5", 60, 25, 2181, 755);
        Assert.Equal(72, s5.Data.SkillCount);
    }

    [Fact]
    public void Load_GervetSlice_ReadsTsvAndQMatrix()
    {
        var s3 = Assert.Single(DatasetDirectory.Load(Samples.Directory("assist2009-gervet")));

        AssertTrainTest(s3, "S3", 50, 20, 9749, 3828);
        Assert.Equal(6547, s3.Data.ItemCount);
        Assert.Equal(101, s3.Data.SkillCount);
        Assert.Equal(8075, s3.Data.ItemSkills!.Sum(s => s.Length));
    }

    [Fact]
    public void Load_AktSlice_ReadsFourLineFoldsAndDeduplicatedFile()
    {
        var loaded = DatasetDirectory.Load(Samples.Directory("assist2009-akt-pid"));

        var s2 = loaded.Single(d => d.Split.SplitId == "S2");
        Assert.Equal([10, 10, 10, 10, 10], s2.Split.Folds.Select(f => f.TestStudents.Count));
        Assert.Equal(50, s2.Split.Folds.SelectMany(f => f.TestStudents).Distinct().Count());
        Assert.Equal([592, 766, 478, 853, 492], s2.Split.Folds.Select(f => f.TestStudents.Sum(s => Answers(s2, s))));
        Assert.All(s2.Split.Folds, f => Assert.Equal(50 - 10 + 1, f.TrainStudents.Count));
        Assert.All(s2.Split.Folds, f => Assert.Empty(f.TrainStudents.Intersect(f.TestStudents)));

        var s2d = loaded.Single(d => d.Split.SplitId == "S2d");
        Assert.Equal(2901, s2d.Data.ObservationCount);
        Assert.Equal(50, s2d.Data.Students.Count);
        Assert.Equal(268, s2d.Data.Students.SelectMany(s => s).Count(o => o.Skills.Length > 1));
        Assert.Equal(
            s2.Split.Folds.Select(f => f.TestStudents.Select(s => s2.StudentIds[s]).Order()),
            s2d.Split.Folds.Select(f => f.TestStudents.Select(s => s2d.StudentIds[s]).Order()));
    }

    [Fact]
    public void Load_ResponseMatrices_HaveSliceShapes()
    {
        var fraction = Assert.Single(DatasetDirectory.Load(Samples.Directory("fraction-subtraction")));
        var ecpe = Assert.Single(DatasetDirectory.Load(Samples.Directory("ecpe")));

        Assert.Equal((536, 20, 8, 10_720), (fraction.Data.Students.Count, fraction.Data.ItemCount, fraction.Data.SkillCount, fraction.Data.ObservationCount));
        Assert.Equal(56, fraction.Data.ItemSkills!.Sum(s => s.Length));
        Assert.Equal((400, 28, 3, 400 * 28), (ecpe.Data.Students.Count, ecpe.Data.ItemCount, ecpe.Data.SkillCount, ecpe.Data.ObservationCount));
    }

    [Fact]
    public void Load_GradesSlice_UsesTheAnswersBehindTheMatrix()
    {
        var grades = Assert.Single(DatasetDirectory.Load(Samples.Directory("assist2009-grades")));
        var matrix = MatrixFileReaders.ReadGradeMatrix(Path.Combine(Samples.Directory("assist2009-grades"), MatrixFileReaders.GradeMatrixFile));

        Assert.Equal(DatasetKind.GradeForecast, grades.Kind);
        Assert.Equal(2901, grades.Data.ObservationCount);
        Assert.Equal(378, matrix.Data.ObservationCount);
        Assert.Equal(50, matrix.Data.Students.Count);
    }

    [Fact]
    public void Load_DirectoryWithoutKnownFiles_ThrowsNotSupported()
    {
        using var directory = new TempDirectory();
        directory.Write("assessments.csv", "code_module,code_presentation,id_assessment,assessment_type,date,weight\nAAA,2013J,1752,TMA,19,10\n");

        Assert.Throws<NotSupportedException>(() => DatasetDirectory.Load(directory.Path));
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
