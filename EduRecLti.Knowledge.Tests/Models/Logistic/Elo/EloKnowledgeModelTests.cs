using EduRecLti.Knowledge.Core;
using EduRecLti.Knowledge.Models.Logistic.Elo;

namespace EduRecLti.Knowledge.Tests.Models.Logistic.Elo;

public sealed class EloKnowledgeModelTests
{
    [Fact]
    public void FitAndObserve_OneAnswerEach_MatchHandComputedUpdates()
    {
        // Training: one correct answer at p = σ(0) = ½, K(0) = 1, so b_item = b_skill = −½.
        var training = new ResponseDataset("t", [[new Observation(0, 0, [0], 1, 0)]], itemCount: 1, skillCount: 1);
        var model = new EloKnowledgeModel("elo", new EloOptions());
        model.Fit(training, new Random(1));
        var student = model.StartStudent();

        var first = student.PredictCorrect(0, [0], 0);
        student.Observe(new Observation(0, 0, [0], 0, 0));
        var second = student.PredictCorrect(0, [0], 1);

        Assert.Equal(Sigmoid(1), first, 12);
        Assert.Equal(Sigmoid(1 - Sigmoid(1)), second, 12);
    }

    [Fact]
    public void StepSize_ShrinksWithUpdates()
    {
        var options = new EloOptions { Scale = 0.8, Decay = 0.5 };

        Assert.Equal(0.8, options.StepSize(0), 12);
        Assert.Equal(0.4, options.StepSize(2), 12);
    }

    [Fact]
    public void Snapshot_RoundTrip_GivesIdenticalPredictions()
    {
        var training = LogisticFixtures.Simulated(new Random(4), students: 30);
        var model = new EloKnowledgeModel("elo", new EloOptions());
        model.Fit(training, new Random(1));
        var restored = new EloKnowledgeModel("elo", new EloOptions { Scale = 3 });
        restored.Restore(model.Snapshot());

        Assert.Equal(LogisticFixtures.Replay(model, training), LogisticFixtures.Replay(restored, training));
        Assert.Equal(1, restored.Options.Scale);
    }

    [Fact]
    public void Mastery_RisesAfterCorrectAnswers()
    {
        var training = LogisticFixtures.Simulated(new Random(4), students: 30);
        var model = new EloKnowledgeModel("elo", new EloOptions());
        model.Fit(training, new Random(1));
        var student = model.StartStudent();
        var before = student.Mastery(1);

        student.Observe(new Observation(0, 3, [1], 1, 0));
        student.Observe(new Observation(0, 4, [1], 1, 1));
        var after = student.Mastery(1);

        Assert.True(after.Estimate > before.Estimate);
        Assert.Equal(2, after.Evidence);
        Assert.InRange(after.Estimate, after.Lower, after.Upper);
    }

    private static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));
}
