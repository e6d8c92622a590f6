using EduRecLti.Knowledge.Core;
using EduRecLti.Knowledge.Evaluation;
using EduRecLti.Knowledge.Models.Grades;

namespace EduRecLti.Knowledge.Tests.Models.Grades;

public sealed class GradeMirtModelTests
{
    private static readonly ResponseDataset Course = SimulatedResponses.Mirt(students: 150, skillCount: 4, attempts: 2, seed: 7);

    private static GradeMirtModel Fitted(GradeMirtOptions? options = null, int seed = 1)
    {
        var model = new GradeMirtModel("grade-mirt", options ?? new GradeMirtOptions());
        model.Fit(Course, new Random(seed));
        return model;
    }

    [Fact]
    public void FoldIn_SimulatedStudentWithKnownSkills_RecoversSkillOrdering()
    {
        var model = Fitted();
        var itemSkills = Course.ItemSkills!.ToArray();
        var difficulty = itemSkills.Select((_, j) => (j % 2 == 0 ? -0.5 : 0.5) + (0.1 * (j / 2))).ToArray();
        var student = model.StartStudent(null);
        foreach (var answer in SimulatedResponses.Answers(0, itemSkills, difficulty, 0, [-2, -0.7, 0.7, 2], 25, new Random(3)))
        {
            student.Observe(answer);
        }

        var mastery = Enumerable.Range(0, 4).Select(k => student.Mastery(k).Estimate).ToArray();
        Assert.Equal([0, 1, 2, 3], Enumerable.Range(0, 4).OrderBy(k => mastery[k]).ToArray());
    }

    [Fact]
    public void Observe_OnlineWarmStartSteps_MatchFullRefitAfterEveryAnswer()
    {
        var model = Fitted(new GradeMirtOptions { Factors = 1 });
        var exact = Fitted(new GradeMirtOptions { Factors = 1, OnlineNewtonSteps = 50, OnlineTolerance = 1e-12 });
        var online = model.StartStudent(null);
        var full = exact.StartStudent(null);
        var itemSkills = Course.ItemSkills!.ToArray();
        var difficulty = itemSkills.Select((_, j) => 0.2 * (j % 5)).ToArray();
        foreach (var answer in SimulatedResponses.Answers(0, itemSkills, difficulty, 0, [-1, 0, 0.5, 1.5], 6, new Random(11)))
        {
            Assert.Equal(full.PredictCorrect(answer.Item, answer.Skills, answer.Timestamp), online.PredictCorrect(answer.Item, answer.Skills, answer.Timestamp), 4);
            online.Observe(answer);
            full.Observe(answer);
        }

        Assert.All(Enumerable.Range(0, 4), k => Assert.Equal(full.Mastery(k).Estimate, online.Mastery(k).Estimate, 4));
    }

    [Fact]
    public void Mastery_MoreEvidence_IntervalContainsEstimateAndNarrows()
    {
        var model = Fitted();
        var student = model.StartStudent(null);
        var prior = student.Mastery(1);
        for (var i = 0; i < 10; i++)
        {
            student.Observe(new Observation(0, 2, [1], i % 3 == 0 ? 0 : 1, i));
        }

        var informed = student.Mastery(1);
        Assert.Equal(0, prior.Evidence);
        Assert.Equal(10, informed.Evidence);
        Assert.InRange(informed.Estimate, informed.Lower, informed.Upper);
        Assert.True(informed.Upper - informed.Lower < prior.Upper - prior.Lower);
    }

    [Fact]
    public void PredictCorrect_KnownUnknownAndForecast_StayInUnitInterval()
    {
        var model = Fitted(new GradeMirtOptions { Factors = 1 });
        var student = model.StartStudent(3);
        double[] predictions =
        [
            student.PredictCorrect(0, [0], 0),
            student.PredictCorrect(99, [2, 3], 0),
            student.PredictCorrect(-1, [], 0),
            ((ISkillScoreForecast)student).ForecastSkillScore(1, 0),
        ];
        Assert.All(predictions, p => Assert.InRange(p, 0, 1));
    }

    [Fact]
    public void Fit_SameSeed_IdenticalSnapshots()
    {
        var options = new GradeMirtOptions { Factors = 2 };
        Assert.Equal(Fitted(options, 5).Snapshot(), Fitted(options, 5).Snapshot());
    }

    [Fact]
    public void Restore_Snapshot_ReproducesFoldInPredictions()
    {
        var model = Fitted(new GradeMirtOptions { Factors = 1 });
        var restored = new GradeMirtModel("grade-mirt", new GradeMirtOptions());
        restored.Restore(model.Snapshot());
        var a = model.StartStudent(null);
        var b = restored.StartStudent(null);
        foreach (var answer in Course.Students[10])
        {
            a.Observe(answer);
            b.Observe(answer);
        }

        Assert.Equal(a.PredictCorrect(5, [2], 0), b.PredictCorrect(5, [2], 0), 12);
        Assert.Equal(a.Mastery(3), b.Mastery(3));
    }

    [Fact]
    public void PoolBySkill_MultiSkillAnswer_CountsTowardEachSkill()
    {
        var items = new List<IReadOnlyList<Observation>>
        {
            new List<Observation> { new(0, 0, [0, 1], 1, 0), new(0, 1, [1], 0, 1) },
            new List<Observation> { new(1, 0, [0, 1], 0, 0), new(1, 1, [1], 1, 1) },
        };
        var model = new GradeMirtModel("grade-mirt-skills", new GradeMirtOptions { PoolBySkill = true });
        model.Fit(new ResponseDataset("tiny", items, 2, 2), new Random(0));
        var student = model.StartStudent(0);
        Assert.Equal(1, student.Mastery(0).Evidence);
        Assert.Equal(2, student.Mastery(1).Evidence);
    }
}
