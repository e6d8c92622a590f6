using EduRecLti.Knowledge.Core;
using EduRecLti.Knowledge.MlNet.Items;

namespace EduRecLti.Knowledge.MlNet.Tests.Items;

public sealed class GbmItemModelTests
{
    private static readonly ResponseDataset Course = SyntheticCourse.Create(160, 30, seed: 1);
    private static readonly ResponseDataset NewStudents = SyntheticCourse.Create(10, 30, seed: 2);

    private static GbmItemModel Fitted(int seed = 5, bool elo = true)
    {
        var model = new GbmItemModel("gbm-items-elo", new GbmItemOptions { EloFeature = elo });
        model.Fit(Course, new Random(seed));
        return model;
    }

    private static List<double> Follow(GbmItemModel model)
    {
        var predictions = new List<double>();
        foreach (var sequence in NewStudents.Students)
        {
            var student = model.StartStudent(null);
            foreach (var observation in sequence)
            {
                predictions.Add(student.PredictCorrect(observation.Item, observation.Skills, observation.Timestamp));
                student.Observe(observation);
            }

            predictions.Add(student.Mastery(0).Estimate);
        }

        return predictions;
    }

    [Fact]
    public void SnapshotRestore_FollowsStudentsWithIdenticalPredictions()
    {
        var model = Fitted();
        var restored = new GbmItemModel("gbm-items-elo", new GbmItemOptions { EloFeature = true });
        restored.Restore(model.Snapshot());

        Assert.Equal(Follow(model), Follow(restored));
    }

    [Fact]
    public void Fit_SameSeed_SamePredictions()
    {
        Assert.Equal(Follow(Fitted(seed: 9)), Follow(Fitted(seed: 9)));
    }

    [Fact]
    public void Predictions_AreProbabilitiesThatTrackAbility()
    {
        var predictions = Follow(Fitted(elo: false));

        Assert.All(predictions, p => Assert.InRange(p, 0, 1));
        Assert.True(predictions.Max() - predictions.Min() > 0.3, "the forecast should move with the student's answers");
    }

    [Fact]
    public void Mastery_IntervalHoldsEstimateAndCountsEvidence()
    {
        var student = Fitted().StartStudent(null);
        var before = student.Mastery(1);
        Assert.Equal(0, before.Evidence);
        foreach (var observation in NewStudents.Students[0].Where(o => o.Skills[0] == 1))
        {
            student.Observe(observation);
        }

        var after = student.Mastery(1);
        Assert.True(after.Evidence > 0);
        Assert.InRange(after.Estimate, after.Lower, after.Upper);
        Assert.True(after.Upper > after.Lower, "a forecast from a few answers is not certain");
    }

    [Fact]
    public void Explain_GivesNamedFactorsLargestFirst()
    {
        var model = Fitted();
        var student = model.StartStudent(null);
        foreach (var observation in NewStudents.Students[1])
        {
            student.Observe(observation);
        }

        var factors = ((IExplainsMastery)student).Explain(2, 4);

        Assert.InRange(factors.Count, 1, 4);
        Assert.All(factors, f => Assert.Contains(f.Factor, model.FeatureNames));
        Assert.Equal(factors.OrderByDescending(f => Math.Abs(f.Contribution)).ToList(), factors);
    }

    [Fact]
    public void Fit_ItemsAnsweredOncePerStudentWithNoiseLabels_ItemEncodingDoesNotLeakOwnLabel()
    {
        // Every item is answered by one training student only and the answers are coin flips. An item encoding that
        // included the row's own answer would separate right from wrong perfectly and the trees would learn it; the
        // cross-fitted encoding of such an item is its skill's rate, so the trees cannot, and a new student's
        // forecast for an item must not follow the one training answer it had.
        var random = new Random(3);
        const int students = 200, answers = 20;
        var sequences = Enumerable.Range(0, students).Select(s => (IReadOnlyList<Observation>)Enumerable.Range(0, answers)
            .Select(t => new Observation(s, (s * answers) + t, [0], random.Next(2), t)).ToList()).ToList();
        var data = new ResponseDataset("noise", sequences, students * answers, 1);
        var model = new GbmItemModel("gbm-items", new GbmItemOptions());
        model.Fit(data, new Random(4));

        var byLabel = sequences.SelectMany(s => s)
            .GroupBy(o => o.Score)
            .ToDictionary(g => g.Key, g => g.Average(o => model.StartStudent(null).PredictCorrect(o.Item, o.Skills, 0)));

        Assert.InRange(byLabel[1] - byLabel[0], -0.05, 0.05);
    }

    [Fact]
    public void Restore_OtherModelsSnapshot_IsRefused()
    {
        var snapshot = Fitted().Snapshot();

        Assert.Throws<NotSupportedException>(() => new GbmItemModel("gbm-items", new GbmItemOptions()).Restore(snapshot));
    }
}
