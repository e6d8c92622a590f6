using EduRecLti.Knowledge.Models.Logistic;
using EduRecLti.Knowledge.Models.Logistic.Features;

namespace EduRecLti.Knowledge.Tests.Models.Logistic;

public sealed class LogisticPresetsTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void PfaPresets_MultiSkillHistory_CountEverySkillOfTheItem(bool gervet)
    {
        var (featurizer, history) = HandMadeHistory(gervet ? LogisticPresets.PfaGervet : LogisticPresets.Pfa);
        var layout = featurizer.Layout;

        var row = Features(featurizer, history, item: 1, skills: [0, 1]);

        // Skill 0: answers 1 (right) and 2 (wrong, shared with skill 1). Skill 1: answers 2, 3 and 4 (two right).
        // Gervet's "-sc -w -a" adds attempts (2 and 3); Pavlik's PFA adds fails (1 and 1).
        var second = gervet ? layout.SkillAttempts : layout.SkillFails;
        Assert.Equal(1, row[layout.Skills]);
        Assert.Equal(1, row[layout.Skills + 1]);
        Assert.Equal(Math.Log(2), row[layout.SkillWins], 12);
        Assert.Equal(Math.Log(3), row[layout.SkillWins + 1], 12);
        Assert.Equal(Math.Log(gervet ? 3 : 2), row[second], 12);
        Assert.Equal(Math.Log(gervet ? 4 : 2), row[second + 1], 12);
        Assert.Equal(7, row.Count);
    }

    [Fact]
    public void Irt_AnyHistory_WritesOnlyBiasAndItem()
    {
        var (featurizer, history) = HandMadeHistory(LogisticPresets.Irt);

        var row = Features(featurizer, history, item: 1, skills: [0, 1]);

        Assert.Equal([0, featurizer.Layout.Items + 1], row.Keys.Order());
    }

    [Fact]
    public void PfaGervet_SameSeed_GivesIdenticalPredictions() =>
        Assert.Equal(FitAndReplay("pfa-gervet"), FitAndReplay("pfa-gervet"));

    // log(1+attempts) is not a linear function of log(1+wins) and log(1+fails): the fitted models must differ.
    [Fact]
    public void PfaGervet_OnLearningStudents_DiffersFromPavlikPfa() =>
        Assert.NotEqual(FitAndReplay("pfa-gervet"), FitAndReplay("pfa"));

    private static double[] FitAndReplay(string name)
    {
        var data = LogisticFixtures.Simulated(new Random(5), students: 30);
        Assert.True(ModelCatalog.TryCreate(name, out var model));
        model.Fit(data, new Random(9));
        return LogisticFixtures.Replay(model, data);
    }

    /// <summary>Skill 0 right; item 1 on skills {0, 1} wrong; skill 1 right twice.</summary>
    private static (Featurizer Featurizer, StudentHistory History) HandMadeHistory(LogisticOptions preset)
    {
        var featurizer = new Featurizer(preset.Template, itemCount: 3, skillCount: 2);
        var history = featurizer.NewHistory();
        history.Observe(item: 0, skills: [0], correct: true, timestamp: 0);
        history.Observe(item: 1, skills: [0, 1], correct: false, timestamp: 1);
        history.Observe(item: 2, skills: [1], correct: true, timestamp: 2);
        history.Observe(item: 2, skills: [1], correct: true, timestamp: 3);
        return (featurizer, history);
    }

    private static Dictionary<int, double> Features(Featurizer featurizer, StudentHistory history, int item, int[] skills)
    {
        var row = new SparseRow();
        featurizer.Write(history, item, skills, timestamp: 0, row);
        return Enumerable.Range(0, row.Count).ToDictionary(k => row.Columns[k], k => row.Values[k]);
    }
}
