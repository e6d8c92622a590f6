using EduRecLti.Knowledge.Core;
using EduRecLti.Knowledge.Evaluation;
using EduRecLti.Knowledge.Models.Ensemble;
using EduRecLti.Knowledge.Models.Grades;
using EduRecLti.Knowledge.Tests.Models.Grades;

namespace EduRecLti.Knowledge.Tests.Models.Ensemble;

public sealed class EnsembleModelTests
{
    // 32 answers per student: the 70% cut-off leaves 4 answers on skill 3 (a target cell) for the stacker to learn from.
    private static readonly ResponseDataset Course = SimulatedResponses.Mirt(students: 120, skillCount: 4, attempts: 4, seed: 11);

    private static EnsembleModel Stacked(bool skillIntercepts = false, bool extended = false) => new("stack", new EnsembleOptions
    {
        Members = [() => new GradeMirtModel("grade-mirt-skills", new GradeMirtOptions { PoolBySkill = true }), () => new ConstantModel(0.5)],
        StackSkillForecasts = true,
        SkillIntercepts = skillIntercepts || extended,
        SeenSkillIntercepts = extended,
        CalibrateForAbsoluteError = extended,
        ThresholdStack = extended ? 0.5 : null,
    });

    [Fact]
    public void StackEta_WithThresholdWeights_AddsBothLinearPredictors()
    {
        var stack = new StackParameters([1, 2], 0, false, MedianCalibration.Identity, [0.5, -1]);

        Assert.Equal((1 * 2) + (2 * 1) + (0.5 * 2) - (1 * 1), stack.Eta([2, 1]), 12);
        Assert.Equal(4, (stack with { ThresholdWeights = null }).Eta([2, 1]), 12);
    }

    [Fact]
    public void PredictCorrect_TwoMembers_IsTheMeanOfTheirPredictions()
    {
        var model = new EnsembleModel("avg", new EnsembleOptions { Members = [() => new ConstantModel(0.2), () => new ConstantModel(0.6)] });
        model.Fit(Course, new Random(1));
        var student = model.StartStudent(0);

        Assert.Equal(0.4, student.PredictCorrect(0, [0], 0), 12);
        Assert.Equal(0.4, ((ISkillScoreForecast)student).ForecastSkillScore(2, 0), 12);
        var mastery = student.Mastery(2);
        Assert.Equal(0.4, mastery.Estimate, 12);
        Assert.Equal(0.2, mastery.Lower, 12);
        Assert.Equal(0.7, mastery.Upper, 12);
        Assert.Null(model.StackWeights);
    }

    [Fact]
    public void StartStudent_BeforeFit_Throws() =>
        Assert.Throws<InvalidOperationException>(() => new EnsembleModel("avg", new EnsembleOptions { Members = [() => new ConstantModel(0.5)] }).StartStudent());

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Fit_SameSeed_GivesIdenticalStackWeights(bool extended)
    {
        var first = Stacked(skillIntercepts: true, extended);
        var second = Stacked(skillIntercepts: true, extended);
        first.Fit(Course, new Random(5));
        second.Fit(Course, new Random(5));

        Assert.Equal(first.StackWeights!, second.StackWeights!);
        Assert.Equal(SkillForecastFeatures.Count(2, Course.SkillCount, extended), first.StackWeights!.Count);
        var student = 7;
        Assert.Equal(Forecast(first, Course.Students[student]), Forecast(second, Course.Students[student]), 12);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ForecastSkillScore_StrongAndWeakStudents_RankedAndInUnitInterval(bool extended)
    {
        var model = Stacked(extended: extended);
        model.Fit(Course, new Random(2));
        var strong = model.StartStudent(null);
        var weak = model.StartStudent(null);
        for (var t = 0; t < 12; t++)
        {
            strong.Observe(new Observation(0, t % 8, [t % 8 / 2], 1, t));
            weak.Observe(new Observation(0, t % 8, [t % 8 / 2], t % 4 == 0 ? 1 : 0, t));
        }

        var forecasts = Enumerable.Range(0, 4).SelectMany(k => new[]
        {
            ((ISkillScoreForecast)strong).ForecastSkillScore(k, 12),
            ((ISkillScoreForecast)weak).ForecastSkillScore(k, 12),
        }).ToList();

        Assert.All(forecasts, f => Assert.InRange(f, 0, 1));
        Assert.True(((ISkillScoreForecast)strong).ForecastSkillScore(3, 12) > ((ISkillScoreForecast)weak).ForecastSkillScore(3, 12));
        Assert.Equal(((ISkillScoreForecast)strong).ForecastSkillScore(3, 12), strong.Mastery(3).Estimate, 12);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Restore_Snapshot_ReproducesForecasts(bool extended)
    {
        var model = Stacked(extended: extended);
        model.Fit(Course, new Random(3));
        var restored = Stacked(extended: extended);
        restored.Restore(model.Snapshot());
        var original = model.StartStudent(null);
        var copy = restored.StartStudent(null);
        foreach (var observation in Course.Students[4].Take(10))
        {
            original.Observe(observation);
            copy.Observe(observation);
        }

        Assert.Equal(model.StackWeights!, restored.StackWeights!);
        Assert.Equal(((ISkillScoreForecast)original).ForecastSkillScore(1, 10), ((ISkillScoreForecast)copy).ForecastSkillScore(1, 10), 12);
        Assert.Equal(original.PredictCorrect(2, [1], 10), copy.PredictCorrect(2, [1], 10), 12);
    }

    private static double Forecast(EnsembleModel model, IReadOnlyList<Observation> sequence)
    {
        var student = model.StartStudent(null);
        foreach (var observation in sequence.Take(10))
        {
            student.Observe(observation);
        }

        return ((ISkillScoreForecast)student).ForecastSkillScore(3, 10);
    }
}
