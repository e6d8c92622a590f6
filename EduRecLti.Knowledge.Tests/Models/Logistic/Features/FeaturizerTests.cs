using EduRecLti.Knowledge.Models.Logistic.Features;

namespace EduRecLti.Knowledge.Tests.Models.Logistic.Features;

public sealed class FeaturizerTests
{
    private static readonly FeatureTemplate Everything = new()
    {
        Items = true,
        Skills = true,
        ItemCounts = true,
        SkillWins = true,
        SkillFails = true,
        SkillAttempts = true,
        TotalCounts = true,
        Recency = true,
        SkillTransitions = true,
    };

    [Fact]
    public void Write_AfterHandMadeSequence_CountsOnlyEarlierAnswers()
    {
        var featurizer = new Featurizer(Everything, itemCount: 3, skillCount: 2);
        var layout = featurizer.Layout;
        var history = featurizer.NewHistory();
        history.Observe(item: 0, skills: [0], correct: true, timestamp: 0);
        history.Observe(item: 1, skills: [0, 1], correct: false, timestamp: 1);
        history.Observe(item: 0, skills: [0], correct: true, timestamp: 2);

        var row = Features(featurizer, history, item: 0, skills: [0]);

        Assert.Equal(1, row[0]);
        Assert.Equal(1, row[layout.Items]);
        Assert.Equal(1, row[layout.Skills]);
        Assert.Equal(Math.Log(3), row[layout.ItemWins], 12);
        Assert.Equal(Math.Log(3), row[layout.ItemAttempts], 12);
        Assert.Equal(Math.Log(3), row[layout.SkillWins], 12);
        Assert.Equal(Math.Log(2), row[layout.SkillFails], 12);
        Assert.Equal(Math.Log(4), row[layout.SkillAttempts], 12);
        Assert.Equal(Math.Log(3), row[layout.Totals], 12);
        Assert.Equal(Math.Log(4), row[layout.Totals + 1], 12);
        Assert.Equal(1, row[layout.Recency]);
        Assert.Equal(1, row[layout.Recency + 2]);
        Assert.Equal(1, row[layout.Recency + 4]);
        Assert.Equal(1, row[layout.Recency + 4 + 3]);
        Assert.Equal(1, row[layout.Transitions + 1]);
        Assert.Equal(15, row.Count);
    }

    [Fact]
    public void Write_NewStudent_HasOnlyBiasItemAndSkill()
    {
        var featurizer = new Featurizer(Everything, itemCount: 3, skillCount: 2);

        var row = Features(featurizer, featurizer.NewHistory(), item: 2, skills: [1]);

        Assert.Equal([0, featurizer.Layout.Items + 2, featurizer.Layout.Skills + 1], row.Keys.Order());
    }

    [Fact]
    public void Write_UnknownItemAndSkill_AreIgnored()
    {
        var featurizer = new Featurizer(Everything, itemCount: 3, skillCount: 2);

        var row = Features(featurizer, featurizer.NewHistory(), item: 7, skills: [5, -1]);

        Assert.Equal([0], row.Keys);
    }

    [Fact]
    public void Write_RawScale_UsesPlainCounts()
    {
        var featurizer = new Featurizer(new FeatureTemplate { SkillAttempts = true, Scale = CountScale.Raw }, 1, 1);
        var history = featurizer.NewHistory();
        history.Observe(0, [0], true, 0);
        history.Observe(0, [0], false, 1);

        var row = Features(featurizer, history, 0, [0]);

        Assert.Equal(2, row[featurizer.Layout.SkillAttempts]);
    }

    [Fact]
    public void Write_TimeWindows_CountOnlyAnswersInsideEachWindow()
    {
        var featurizer = new Featurizer(new FeatureTemplate { TimeWindows = [10, 100] }, 1, 1);
        var history = featurizer.NewHistory();
        history.Observe(0, [0], correct: true, timestamp: 0);
        history.Observe(0, [0], correct: false, timestamp: 95);
        history.Observe(0, [0], correct: true, timestamp: 99);

        var row = Features(featurizer, history, 0, [0], timestamp: 100);

        var windows = featurizer.Layout.Windows;
        Assert.Equal(Math.Log(2), row[windows], 12);
        Assert.Equal(Math.Log(3), row[windows + 1], 12);
        Assert.Equal(Math.Log(2), row[windows + 2], 12);
        Assert.Equal(Math.Log(3), row[windows + 3], 12);
    }

    [Fact]
    public void Write_DecayedRate_WeighsRecentAnswersMore()
    {
        var featurizer = new Featurizer(new FeatureTemplate { DecayedRates = [1] }, 1, 1);
        var history = featurizer.NewHistory();
        history.Observe(0, [0], correct: false, timestamp: 0);
        history.Observe(0, [0], correct: true, timestamp: 1);

        var row = Features(featurizer, history, 0, [0]);

        // Half-life 1: the rate moves halfway from 0 (first answer) to 1, i.e. 0.5, centred to 2·0.5 − 1 = 0.
        Assert.False(row.ContainsKey(featurizer.Layout.Decayed));
        history.Observe(0, [0], correct: true, timestamp: 2);
        Assert.Equal(0.5, Features(featurizer, history, 0, [0])[featurizer.Layout.Decayed], 12);
    }

    private static Dictionary<int, double> Features(Featurizer featurizer, StudentHistory history, int item, int[] skills, long timestamp = 0)
    {
        var row = new SparseRow();
        featurizer.Write(history, item, skills, timestamp, row);
        return Enumerable.Range(0, row.Count).ToDictionary(k => row.Columns[k], k => row.Values[k]);
    }
}
