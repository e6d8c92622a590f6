using EduRecLti.Knowledge.Core;
using EduRecLti.Knowledge.Evaluation;
using EduRecLti.Knowledge.Models.Bkt;

namespace EduRecLti.Knowledge.Tests.Models.Bkt;

public sealed class BktStudentKnowledgeTests
{
    private static BktModel HandModel()
    {
        var model = new BktModel("bkt");
        model.UseParameters(
        [
            BktSimulator.Skill(prior: 0.4, learn: 0.3, forget: 0, guess: 0.2, slip: 0.1),
            BktSimulator.Skill(prior: 0.8, learn: 0.1, forget: 0, guess: 0.3, slip: 0.2),
        ]);
        return model;
    }

    [Fact]
    public void Observe_CorrectAnswer_MasteryIsPosteriorThenLearnStep()
    {
        var student = HandModel().StartStudent();
        student.Observe(new Observation(0, 7, [0], 1, 0));

        // posterior 0.75, then 0.75 + 0.25·0.3
        Assert.Equal(0.825, student.Mastery(0).Estimate, 12);
        Assert.Equal(1, student.Mastery(0).Evidence);
    }

    [Fact]
    public void Observe_WrongAnswer_MasteryIsPosteriorThenLearnStep()
    {
        var student = HandModel().StartStudent();
        student.Observe(new Observation(0, 7, [0], 0, 0));

        var posterior = 0.04 / 0.52;
        Assert.Equal(posterior + ((1 - posterior) * 0.3), student.Mastery(0).Estimate, 12);
    }

    [Fact]
    public void ForecastSkillScore_AfterCorrectAnswer_IsNextAnswerSuccessNotMastery()
    {
        var student = (ISkillScoreForecast)HandModel().StartStudent();
        Assert.Equal(0.48, student.ForecastSkillScore(0, 0), 12);

        ((BktStudentKnowledge)student).Observe(new Observation(0, 7, [0], 1, 0));

        // L = 0.825 (see above): 0.825·0.9 + 0.175·0.2, while Mastery reports 0.825 itself.
        Assert.Equal(0.7775, student.ForecastSkillScore(0, 1), 12);
        Assert.Equal(0.825, ((BktStudentKnowledge)student).Mastery(0).Estimate, 12);
    }

    [Fact]
    public void PredictCorrect_ItemWithTwoSkills_IsMeanOfSkillPredictions()
    {
        var student = HandModel().StartStudent();

        // skill 0: 0.4·0.9 + 0.6·0.2 = 0.48; skill 1: 0.8·0.8 + 0.2·0.3 = 0.70
        Assert.Equal(0.59, student.PredictCorrect(3, [0, 1], 0), 12);
    }

    [Fact]
    public void Observe_ItemWithTwoSkills_UpdatesBothSkills()
    {
        var student = HandModel().StartStudent();
        student.Observe(new Observation(0, 3, [0, 1], 1, 0));

        Assert.Equal(1, student.Mastery(0).Evidence);
        Assert.Equal(1, student.Mastery(1).Evidence);
        Assert.True(student.Mastery(1).Estimate > 0.8);
    }

    [Fact]
    public void PredictCorrect_UnfittedSkill_UsesAverageSkill()
    {
        var student = HandModel().StartStudent();

        var average = new BktStepParameters(0.2, 0, 0.25, 0.15).PredictCorrect(BktBelief.FromPrior(0.6));
        Assert.Equal(average, student.PredictCorrect(0, [42], 0), 12);
    }

    [Fact]
    public void Mastery_Interval_ContainsEstimateAndNarrowsWithEvidence()
    {
        var student = HandModel().StartStudent();
        var before = student.Mastery(0);
        for (var t = 0; t < 20; t++)
        {
            student.Observe(new Observation(0, 1, [0], 1, t));
        }

        var after = student.Mastery(0);
        Assert.InRange(before.Estimate, before.Lower, before.Upper);
        Assert.InRange(after.Estimate, after.Lower, after.Upper);
        Assert.True(after.Upper - after.Lower < (before.Upper - before.Lower) / 2);
    }

    [Fact]
    public void IsMastered_AfterRunOfCorrectAnswers_CrossesThreshold()
    {
        var student = HandModel().StartBktStudent();
        Assert.False(student.IsMastered(0));
        for (var t = 0; t < 5; t++)
        {
            student.Observe(new Observation(0, 1, [0], 1, t));
        }

        Assert.True(student.IsMastered(0));
    }
}
