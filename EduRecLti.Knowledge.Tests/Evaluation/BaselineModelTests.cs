using EduRecLti.Knowledge.Core;
using EduRecLti.Knowledge.Evaluation;

namespace EduRecLti.Knowledge.Tests.Evaluation;

public sealed class BaselineModelTests
{
    private static ResponseDataset Training() => new(
        "t",
        [
            [new Observation(0, 0, [0], 1, 0), new Observation(0, 1, [0], 0, 1)],
            [new Observation(1, 0, [0], 1, 0)],
        ],
        itemCount: 3,
        skillCount: 2);

    [Fact]
    public void PredictCorrect_SeenItem_IsItemRateShrunkTowardSkillRate()
    {
        var model = new BaselineModel();
        model.Fit(Training(), new Random(1));

        var global = 2.5 / 4;
        var skill = (2 + (5 * global)) / (3 + 5);
        var item0 = (2 + (5 * skill)) / (2 + 5);
        var student = model.StartStudent();

        Assert.Equal(item0, student.PredictCorrect(0, [0], 0), 12);
        Assert.Equal(skill, student.PredictCorrect(2, [0], 0), 12);
        Assert.Equal(global, student.PredictCorrect(2, [1], 0), 12);
        Assert.Equal(global, student.PredictCorrect(2, [], 0), 12);
    }

    [Fact]
    public void Snapshot_RestoredIntoNewModel_PredictsTheSame()
    {
        var model = new BaselineModel();
        model.Fit(Training(), new Random(1));
        var restored = new BaselineModel();

        restored.Restore(model.Snapshot());

        Assert.Equal(model.StartStudent().PredictCorrect(1, [0], 0), restored.StartStudent().PredictCorrect(1, [0], 0), 15);
        Assert.Equal(3, restored.StartStudent().Mastery(0).Evidence);
    }

    [Fact]
    public void Restore_OtherModelsSnapshot_Throws()
    {
        Assert.Throws<ArgumentException>(() => new BaselineModel().Restore(new ModelSnapshot("bkt", 1, "{}")));
    }
}
