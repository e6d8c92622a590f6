using EduRecLti.Knowledge.Core;
using EduRecLti.Knowledge.Evaluation;
using EduRecLti.Knowledge.MlNet.Grades;

namespace EduRecLti.Knowledge.MlNet.Tests.Grades;

public sealed class GbmGradeModelTests
{
    private static readonly ResponseDataset Course = SyntheticCourse.Create(200, 40, seed: 11);
    private static readonly ResponseDataset NewStudents = SyntheticCourse.Create(12, 40, seed: 12);

    private static GbmGradeModel Fitted(int seed = 3)
    {
        var model = new GbmGradeModel("gbm-grades", new GbmGradeOptions());
        model.Fit(Course, new Random(seed));
        return model;
    }

    /// <summary>Each new student's forecasts for every skill after the first 70% of the answers, as the grade recipe asks.</summary>
    private static List<double> Forecasts(GbmGradeModel model)
    {
        var forecasts = new List<double>();
        foreach (var sequence in NewStudents.Students)
        {
            var (cutOff, _) = GradeForecastFold.Targets(sequence);
            var student = model.StartStudent(null);
            foreach (var observation in sequence.Take(cutOff))
            {
                student.Observe(observation);
            }

            forecasts.AddRange(Enumerable.Range(0, SyntheticCourse.Skills).Select(s => ((ISkillScoreForecast)student).ForecastSkillScore(s, cutOff)));
        }

        return forecasts;
    }

    [Fact]
    public void SnapshotRestore_IdenticalForecasts()
    {
        var model = Fitted();
        var restored = new GbmGradeModel("gbm-grades", new GbmGradeOptions());
        restored.Restore(model.Snapshot());

        Assert.Equal(Forecasts(model), Forecasts(restored));
    }

    [Fact]
    public void Fit_SameSeed_SameForecasts()
    {
        Assert.Equal(Forecasts(Fitted(7)), Forecasts(Fitted(7)));
    }

    [Fact]
    public void Forecasts_AreScoresThatDifferBetweenStudents()
    {
        var forecasts = Forecasts(Fitted());

        Assert.All(forecasts, f => Assert.InRange(f, 0, 1));
        Assert.True(forecasts.Max() - forecasts.Min() > 0.2, "forecasts should follow each student's history");
    }

    [Fact]
    public void MasteryAndExplanation_ComeFromTheSameForecast()
    {
        var student = Fitted().StartStudent(null);
        foreach (var observation in NewStudents.Students[0])
        {
            student.Observe(observation);
        }

        var mastery = student.Mastery(2);
        var factors = ((IExplainsMastery)student).Explain(2, 3);

        Assert.Equal(((ISkillScoreForecast)student).ForecastSkillScore(2, NewStudents.Students[0].Count), mastery.Estimate, 12);
        Assert.InRange(mastery.Estimate, mastery.Lower, mastery.Upper);
        Assert.NotEmpty(factors);
        Assert.All(factors, f => Assert.Contains(f.Factor, GbmGradeModel.FeatureNames));
    }
}
