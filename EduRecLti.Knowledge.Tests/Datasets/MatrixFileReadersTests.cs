using EduRecLti.Knowledge.Datasets;

namespace EduRecLti.Knowledge.Tests.Datasets;

public sealed class MatrixFileReadersTests
{
    [Fact]
    public void ReadResponseMatrix_QuotedHeaders_MapsItemsToQMatrixSkills()
    {
        using var dir = new TempDirectory();
        var q = dir.Write("m_qmatrix.csv", "\"item\",\"a1\",\"a2\"\n\"I1\",0,1\n\"I2\",1,1\n");
        var r = dir.Write("m_responses.csv", "\"id\",\"I1\",\"I2\"\n1,1,0\n2,NA,1\n");

        var loaded = MatrixFileReaders.ReadResponseMatrix(r, q, "m");

        Assert.Equal(DatasetKind.ResponseMatrix, loaded.Kind);
        Assert.Equal(["a1", "a2"], loaded.Skills.Ids);
        Assert.Equal([1], loaded.Data.Students[0][0].Skills);
        Assert.Equal([0, 1], loaded.Data.Students[0][1].Skills);
        Assert.Equal(1, Assert.Single(loaded.Data.Students[1]).Item);
        Assert.Equal([0, 1], Assert.Single(loaded.Split.Folds).TestStudents);
    }

    [Fact]
    public void ReadResponseMatrix_ItemMissingFromQMatrix_Throws()
    {
        using var dir = new TempDirectory();
        var q = dir.Write("m_qmatrix.csv", "item,a1\nI1,1\n");
        var r = dir.Write("m_responses.csv", "id,I1,I2\n1,1,0\n");

        Assert.Throws<InvalidDataException>(() => MatrixFileReaders.ReadResponseMatrix(r, q, "m"));
    }

    [Fact]
    public void ReadGradeMatrix_Rows_OrderedByFirstAppearanceWithScores()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("g.csv", "user_id,fold,order,skill_id,n_items,n_correct,pct_correct,first_t,last_t\n" +
            "7,3,1,54,4,1,0.25,2,9\n7,3,0,37,5,3,0.6,0,25\n8,1,0,54,2,2,1,0,1\n");

        var loaded = MatrixFileReaders.ReadGradeMatrix(path);

        Assert.Equal([0.6, 0.25], loaded.Data.Students[0].Select(o => o.Score));
        Assert.Equal(["37", "54"], loaded.Skills.Ids);
        Assert.Equal([1], loaded.Split.Folds[0].TestStudents);
    }
}
