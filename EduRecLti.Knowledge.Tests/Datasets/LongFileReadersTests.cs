using EduRecLti.Knowledge.Datasets;

namespace EduRecLti.Knowledge.Tests.Datasets;

public sealed class LongFileReadersTests
{
    [Fact]
    public void ReadAktDedup_MultiSkillRows_KeepsSkillsAndFoldsByStudent()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("d.csv", "user_id,fold,t,problem_id,skill_ids,correct\n9,2,0,70,1;5,1\n9,2,1,71,5,0\n8,1,0,70,1;5,0\n");

        var loaded = LongFileReaders.ReadAktDedup(path);

        Assert.Equal("S2d", loaded.Split.SplitId);
        Assert.Equal(["9", "8"], loaded.StudentIds);
        Assert.Equal([0, 1], loaded.Data.Students[0][0].Skills);
        Assert.Equal([0, 1], loaded.Data.ItemSkills![0]);
        Assert.Equal(2, loaded.Split.Folds.Count);
        Assert.Equal([1], loaded.Split.Folds[0].TestStudents);
        Assert.Equal([0], loaded.Split.Folds[0].TrainStudents);
        Assert.Equal([0], loaded.Split.Folds[1].TestStudents);
    }

    [Fact]
    public void ReadGervet_QMatrix_GivesObservationSkillsAndTrainTestStudents()
    {
        using var dir = new TempDirectory();
        dir.Write("q_mat_pairs.csv", "item_id,skill_index\n0,3\n1,3\n1,0\n");
        dir.Write("preprocessed_data_train.csv", "user_id\titem_id\ttimestamp\tcorrect\tskill_id\n5\t1\t0\t1\t9\n5\t0\t0\t0\t8\n6\t0\t0\t1\t8\n");
        dir.Write("preprocessed_data_test.csv", "user_id\titem_id\ttimestamp\tcorrect\tskill_id\n5\t0\t0\t1\t8\n");

        var loaded = LongFileReaders.ReadGervet(dir.Path);

        var fold = Assert.Single(loaded.Split.Folds);
        Assert.Equal([0, 1], fold.TrainStudents);
        Assert.Equal([2], fold.TestStudents);
        Assert.Equal(["0", "3"], loaded.Skills.Ids);
        Assert.Equal([0, 1], loaded.Data.Students[0][0].Skills);
        Assert.Equal([1L], loaded.Data.Students[0].Skip(1).Select(o => o.Timestamp));
        Assert.Equal(1, loaded.Data.Students[2].Single().Score);
    }
}
