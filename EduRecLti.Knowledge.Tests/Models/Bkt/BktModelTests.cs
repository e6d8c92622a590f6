using EduRecLti.Knowledge.Core;
using EduRecLti.Knowledge.Models.Bkt;

namespace EduRecLti.Knowledge.Tests.Models.Bkt;

public sealed class BktModelTests
{
    private static ResponseDataset TwoSkills()
    {
        var first = BktSimulator.Simulate(new Random(3), BktSimulator.Skill(0.3, 0.2, 0, 0.2, 0.1), 200, 12);
        var second = BktSimulator.Simulate(new Random(4), BktSimulator.Skill(0.6, 0.1, 0.05, 0.25, 0.15), 200, 12);
        var students = first.Students.Zip(second.Students, (a, b) =>
            (IReadOnlyList<Observation>)[.. a, .. b.Select(o => o with { Skills = [1], Item = 1 })]).ToList();
        return new ResponseDataset("two-skills", students, 2, 2);
    }

    private static BktModel Fitted(int seed, int threads = 2, bool forgets = false)
    {
        var model = new BktModel("bkt", new BktOptions { Forgets = forgets, MaxDegreeOfParallelism = threads });
        model.Fit(TwoSkills(), new Random(seed));
        return model;
    }

    [Fact]
    public void Fit_SameSeed_IdenticalParametersWhateverTheThreads()
    {
        var first = Fitted(seed: 7, threads: 1);
        var second = Fitted(seed: 7, threads: 2);

        Assert.Equal(first.Skills[0], second.Skills[0]);
        Assert.Equal(first.Skills[1], second.Skills[1]);
    }

    [Fact]
    public void PredictCorrect_AlongTrainingStudents_StaysInUnitInterval()
    {
        var model = Fitted(seed: 1, forgets: true);
        foreach (var answers in TwoSkills().Students.Take(50))
        {
            var student = model.StartStudent();
            foreach (var observation in answers)
            {
                Assert.InRange(student.PredictCorrect(observation.Item, observation.Skills, observation.Timestamp), 0, 1);
                student.Observe(observation);
            }
        }
    }

    [Fact]
    public void StartStudent_TrainingIndex_ReplaysTheirAnswers()
    {
        var model = Fitted(seed: 1);
        var replayed = model.StartStudent(0);
        var manual = model.StartStudent();
        foreach (var observation in TwoSkills().Students[0])
        {
            manual.Observe(observation);
        }

        Assert.Equal(manual.Mastery(1), replayed.Mastery(1));
    }

    [Fact]
    public void Snapshot_RoundTrip_GivesIdenticalPredictions()
    {
        var model = Fitted(seed: 2, forgets: true);
        var restored = new BktModel("bkt");
        restored.Restore(model.Snapshot());

        Assert.Equal(model.Skills[1], restored.Skills[1]);
        var original = model.StartStudent();
        var copy = restored.StartStudent();
        foreach (var observation in TwoSkills().Students[3])
        {
            Assert.Equal(original.PredictCorrect(observation.Item, observation.Skills, 0), copy.PredictCorrect(observation.Item, observation.Skills, 0));
            original.Observe(observation);
            copy.Observe(observation);
        }

        Assert.Equal(original.PredictCorrect(0, [5], 0), copy.PredictCorrect(0, [5], 0));
    }

    [Fact]
    public void Snapshot_PerItemModel_RoundTripsItemParameters()
    {
        var model = new BktModel("bkt-items", new BktOptions { ItemGuessSlip = true, ItemLearn = true });
        model.Fit(TwoSkills(), new Random(6));
        var restored = new BktModel("bkt-items");
        restored.Restore(model.Snapshot());

        Assert.Single(restored.Skills[1]!.ItemIds);
        Assert.Equal(model.Skills[0], restored.Skills[0]);
        Assert.Equal(model.Skills[1], restored.Skills[1]);
    }

    [Fact]
    public void Restore_SnapshotOfAnotherModel_Throws()
    {
        var snapshot = Fitted(seed: 2).Snapshot();

        Assert.Throws<ArgumentException>(() => new BktModel("bkt-forget").Restore(snapshot));
        Assert.Throws<ArgumentException>(() => new BktModel("bkt").Restore(snapshot with { FormatVersion = 99 }));
    }

    [Fact]
    public void StartStudent_BeforeFit_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => new BktModel("bkt").StartStudent());
    }

    [Fact]
    public void Fit_WithForgets_LearnsNonZeroForgetting()
    {
        var model = Fitted(seed: 3, forgets: true);

        Assert.True(model.Skills[1]!.Skill.Forget > 0);
    }
}
