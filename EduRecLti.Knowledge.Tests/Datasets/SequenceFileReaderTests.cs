using EduRecLti.Knowledge.Datasets;

namespace EduRecLti.Knowledge.Tests.Datasets;

public sealed class SequenceFileReaderTests
{
    [Fact]
    public void ReadThreeLine_TrailingCommas_GivesSkillLevelSequences()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("x_train.csv", "3\n51,51,7,\n0,1,1,\n\n1\n7,\n0,\n");
        var builder = new SequenceDatasetBuilder();

        var students = SequenceFileReader.ReadThreeLine(builder, path, "train");
        var data = builder.Build("x", DatasetKind.Sequences, _ => new SplitDescription("x", "", [])).Data;

        Assert.Equal([0, 1], students);
        Assert.Equal(2, data.SkillCount);
        Assert.Equal(2, data.ItemCount);
        var first = data.Students[0];
        Assert.Equal([0, 0, 1], first.Select(o => o.Item));
        Assert.Equal([0, 1, 1], first.Select(o => o.Score));
        Assert.Equal([0L, 1, 2], first.Select(o => o.Timestamp));
        Assert.Equal([1], first[2].Skills);
        Assert.Equal(1, data.Students[1][0].Item);
        Assert.Equal(["51", "7"], builder.Skills.Ids);
    }

    [Fact]
    public void ReadThreeLine_CountDisagreesWithAnswers_Throws()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("x.csv", "3\n1,2\n0,1\n");

        Assert.Throws<InvalidDataException>(() => SequenceFileReader.ReadThreeLine(new SequenceDatasetBuilder(), path, "s"));
    }

    [Fact]
    public void ReadFourLine_StudentInTwoFiles_IsReadOnceAndReferencedAgain()
    {
        using var dir = new TempDirectory();
        var test = dir.Write("test.csv", "0,500\n10,10,11\n3,4,4\n1,1,0\n1,600\n12\n5\n1\n");
        var train = dir.Write("train.csv", "1,600\n12\n5\n1\n7,700\n10\n3\n0\n");
        var builder = new SequenceDatasetBuilder();

        var testStudents = SequenceFileReader.ReadFourLine(builder, test);
        var trainStudents = SequenceFileReader.ReadFourLine(builder, train);
        var loaded = builder.Build("x", DatasetKind.Sequences, _ => new SplitDescription("x", "", []));

        Assert.Equal([0, 1], testStudents);
        Assert.Equal([1, 2], trainStudents);
        Assert.Equal(["500", "600", "700"], loaded.StudentIds);
        Assert.Equal(5, loaded.Data.ObservationCount);
        Assert.Equal([0, 0, 1], loaded.Data.Students[0].Select(o => o.Item));
        Assert.Equal([0, 1], loaded.Data.ItemSkills![0]);
    }
}
