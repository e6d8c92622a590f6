using EduRecLti.Knowledge.Core;
using EduRecLti.Knowledge.Models.Logistic;
using EduRecLti.Knowledge.Models.Logistic.Features;

namespace EduRecLti.Knowledge.Tests.Models.Logistic;

public sealed class LogisticKnowledgeModelTests
{
    private static readonly LogisticOptions Rich = LogisticPresets.BestLrRecency with { Rank = 2, Epochs = 2 };

    [Theory]
    [InlineData("elo")]
    [InlineData("irt")]
    [InlineData("afm")]
    [InlineData("pfa")]
    [InlineData("pfa-gervet")]
    [InlineData("best-lr")]
    [InlineData("best-lr-recency")]
    [InlineData("lr-best")]
    [InlineData("das3h")]
    [InlineData("ktm-d0")]
    [InlineData("ktm")]
    public void PredictCorrect_EveryCatalogPreset_StaysInUnitInterval(string name)
    {
        var data = LogisticFixtures.Simulated(new Random(2), students: 40);
        Assert.True(ModelCatalog.TryCreate(name, out var model));

        model.Fit(data, new Random(1));

        Assert.All(LogisticFixtures.Replay(model, data), p => Assert.InRange(p, 0, 1));
    }

    [Fact]
    public void Fit_SameSeed_GivesIdenticalSnapshots()
    {
        var data = LogisticFixtures.Simulated(new Random(2), students: 40);
        var first = new LogisticKnowledgeModel("x", Rich);
        var second = new LogisticKnowledgeModel("x", Rich);

        first.Fit(data, new Random(17));
        second.Fit(data, new Random(17));

        Assert.Equal(first.Snapshot(), second.Snapshot());
    }

    [Fact]
    public void Snapshot_RoundTrip_RestoresTemplateAndPredictions()
    {
        var data = LogisticFixtures.Simulated(new Random(2), students: 40);
        var model = new LogisticKnowledgeModel("x", Rich with { Template = Rich.Template with { DecayedRates = [4], TimeWindows = [5] } });
        model.Fit(data, new Random(17));
        var restored = new LogisticKnowledgeModel("x", new LogisticOptions());

        restored.Restore(model.Snapshot());

        Assert.Equal(LogisticFixtures.Replay(model, data), LogisticFixtures.Replay(restored, data));
        Assert.Equal([4.0], restored.Options.Template.DecayedRates);
        Assert.Equal(2, restored.Options.Rank);
    }

    [Fact]
    public void Restore_OtherModelsSnapshot_Throws()
    {
        var data = LogisticFixtures.Simulated(new Random(2), students: 10);
        var model = new LogisticKnowledgeModel("pfa", LogisticPresets.Pfa);
        model.Fit(data, new Random(1));

        Assert.Throws<InvalidOperationException>(() => new LogisticKnowledgeModel("afm", LogisticPresets.Afm).Restore(model.Snapshot()));
    }

    [Fact]
    public void Fit_LearningStudents_LearnsPositiveWinWeightAndBeatsTheBaseRate()
    {
        var data = LogisticFixtures.Simulated(new Random(2), students: 300);
        var model = new LogisticKnowledgeModel("pfa", LogisticPresets.Pfa);
        model.Fit(data, new Random(1));
        var student = model.StartStudent();
        var before = student.PredictCorrect(0, [0], 0);

        student.Observe(new Observation(0, 0, [0], 1, 0));
        student.Observe(new Observation(0, 3, [0], 1, 1));

        Assert.True(student.PredictCorrect(0, [0], 2) > before);
    }

    [Fact]
    public void Mastery_IntervalNarrowsWithEvidence()
    {
        var data = LogisticFixtures.Simulated(new Random(2), students: 100);
        var model = new LogisticKnowledgeModel("best-lr", LogisticPresets.BestLr);
        model.Fit(data, new Random(1));
        var student = model.StartStudent();
        var fresh = student.Mastery(2);
        for (var t = 0; t < 6; t++)
        {
            student.Observe(new Observation(0, 2, [2], t % 3 == 0 ? 0 : 1, t));
        }

        var practised = student.Mastery(2);

        Assert.Equal(0, fresh.Evidence);
        Assert.Equal(6, practised.Evidence);
        Assert.True(practised.Upper - practised.Lower < fresh.Upper - fresh.Lower);
        Assert.InRange(practised.Estimate, practised.Lower, practised.Upper);
    }

    [Fact]
    public void StartStudent_TrainingIndex_ReplaysThatStudentsHistory()
    {
        var data = LogisticFixtures.Simulated(new Random(2), students: 20);
        var model = new LogisticKnowledgeModel("best-lr", LogisticPresets.BestLr);
        model.Fit(data, new Random(1));

        var known = model.StartStudent(3);
        var replayed = model.StartStudent();
        foreach (var observation in data.Students[3])
        {
            replayed.Observe(observation);
        }

        Assert.Equal(replayed.PredictCorrect(5, [2], 99), known.PredictCorrect(5, [2], 99));
    }
}
