using EduRecLti.Knowledge.Core;
using EduRecLti.Knowledge.Datasets;
using EduRecLti.Knowledge.Evaluation;

namespace EduRecLti.Knowledge.Tests.Evaluation;

public sealed class ProtocolFoldTests
{
    private static LoadedDataset Dataset(DatasetKind kind, params (int Item, int Skill, double Score)[][] students)
    {
        var sequences = students
            .Select((answers, s) => (IReadOnlyList<Observation>)answers.Select((a, t) => new Observation(s, a.Item, [a.Skill], a.Score, t)).ToList())
            .ToList();
        var all = Enumerable.Range(0, students.Length).ToList();
        return new LoadedDataset(
            "fake", kind, new ResponseDataset("fake", sequences, 10, 10), all.Select(s => $"u{s}").ToList(), new IdIndex(), new IdIndex(),
            new SplitDescription("X", "", [new StudentFold("f", all, all)]));
    }

    [Fact]
    public void SequenceFold_TestStudent_IsNewAndPredictedBeforeEachObservation()
    {
        var data = Dataset(DatasetKind.Sequences, [(1, 1, 1), (2, 1, 0)], [(3, 1, 1)], [(4, 2, 0), (5, 2, 1)]);
        var fold = new SequenceFold(data, new StudentFold("f", [1], [2, 0]));
        var model = new RecordingModel(item => item / 10.0);

        model.Fit(fold.Training, new Random(0));
        var outcome = fold.Score(model, CancellationToken.None);

        Assert.Equal(0, Assert.Single(model.Trained!.Students).Single().Student);
        Assert.Equal(
            ["start new", "predict 4@0", "observe 4@0", "predict 5@1", "observe 5@1", "start new", "predict 1@0", "observe 1@0", "predict 2@1", "observe 2@1"],
            model.Calls);
        Assert.Equal([0.4, 0.5, 0.1, 0.2], outcome.Predictions);
        Assert.Equal(Metrics.Auc([0.4, 0.5, 0.1, 0.2], [false, true, true, false]), outcome.Metrics["auc"], 12);
    }

    [Fact]
    public void SequenceFold_PredictionOutsideUnitInterval_Throws()
    {
        var data = Dataset(DatasetKind.Sequences, [(1, 1, 1)]);
        var fold = new SequenceFold(data, new StudentFold("f", [0], [0]));

        Assert.Throws<InvalidOperationException>(() => fold.Score(new RecordingModel(_ => 1.5), CancellationToken.None));
    }

    [Fact]
    public void MaskedMatrixFold_Mask_HidesTwentyPercentFromTrainingAndAsksTheFittedStudent()
    {
        var rows = Enumerable.Range(0, 10).Select(s => Enumerable.Range(0, 10).Select(i => (i, 0, (double)((s + i) % 2))).ToArray()).ToArray();
        var data = Dataset(DatasetKind.ResponseMatrix, rows);

        var folds = MaskedMatrixFold.Create(data, data.Split.Folds[0], 2, new Random(3)).ToList();
        var again = MaskedMatrixFold.Create(data, data.Split.Folds[0], 2, new Random(3)).ToList();
        var model = new RecordingModel(_ => 0.5);
        var outcome = folds[0].Score(model, CancellationToken.None);

        Assert.Equal(80, folds[0].Training.ObservationCount);
        Assert.Equal(10, folds[0].Training.Students.Count);
        Assert.Equal(20, outcome.Predictions.Count);
        Assert.DoesNotContain(model.Calls, c => c.StartsWith("observe", StringComparison.Ordinal) || c == "start new");
        var masked = folds[0].Training.Students.SelectMany(s => s).Select(o => (o.Student, o.Item)).ToHashSet();
        Assert.Equal(100, masked.Count + outcome.Predictions.Count);
        Assert.NotEqual(
            folds[0].Training.Students.SelectMany(s => s).Select(o => (o.Student, o.Item)),
            folds[1].Training.Students.SelectMany(s => s).Select(o => (o.Student, o.Item)));
        Assert.Equal(
            folds[1].Training.Students.SelectMany(s => s).Select(o => (o.Student, o.Item)),
            again[1].Training.Students.SelectMany(s => s).Select(o => (o.Student, o.Item)));
    }

    [Fact]
    public void GradeForecastTargets_Sequence_UsePostCutOffAnswersWithAtLeastThree()
    {
        // 10 answers → T = 7. After T: skill 1 three times (2 right), skill 2 once. Skill 1 was seen before T.
        var sequence = new[] { 1, 1, 3, 3, 3, 3, 3, 1, 1, 2 }
            .Select((skill, t) => new Observation(0, t, skill == 1 && t == 8 ? [1, 2] : [skill], t == 7 ? 0 : 1, t))
            .ToList();
        sequence[9] = sequence[9] with { Skills = [1] };

        var (cutOff, targets) = GradeForecastFold.Targets(sequence);

        Assert.Equal(7, cutOff);
        var target = Assert.Single(targets);
        Assert.Equal(new GradeForecastFold.Target(1, 2.0 / 3, true, 3), target);
    }

    [Fact]
    public void GradeForecastFold_Model_SeesOnlyHistoryAndIsAskedPerSkill()
    {
        var answers = Enumerable.Range(0, 10).Select(t => (t, t < 7 ? 5 : 6, t == 9 ? 1.0 : 0.0)).ToArray();
        var data = Dataset(DatasetKind.GradeForecast, answers, answers);
        var fold = new GradeForecastFold(data, new StudentFold("f", [0], [1]));
        var model = new RecordingModel(_ => 0.5);

        var outcome = fold.Score(model, CancellationToken.None);

        Assert.Equal(["start new", .. Enumerable.Range(0, 7).Select(t => $"observe {t}@{t}"), "mastery 6"], model.Calls);
        Assert.Equal([0.6], outcome.Predictions);
        Assert.Equal([1.0 / 3], outcome.Outcomes);
        Assert.Equal(1, outcome.Metrics["cells.new"]);
        Assert.Equal(0, outcome.Metrics["cells.seen"]);
    }
}
