using EduRecLti.Knowledge.Core;
using EduRecLti.Knowledge.Models.Bkt;

namespace EduRecLti.Knowledge.Tests.Models.Bkt;

public sealed class BktExpectationStepTests
{
    private static readonly bool[] Answers = [true, false, true, true, false, true];

    private static SkillSequences OneStudent(bool[] answers) =>
        new([0, answers.Length], answers, new int[answers.Length], [0]);

    [Fact]
    public void Run_TwoAnswers_LogLikelihoodIsSumOfOneStepPredictions()
    {
        // P(right) = 0.4·0.9 + 0.6·0.2 = 0.48; posterior 0.36/0.48 = 0.75; L = 0.75 + 0.25·0.3 = 0.825;
        // P(wrong) = 0.825·0.1 + 0.175·0.8 = 0.2225.
        var data = OneStudent([true, false]);
        var step = new BktStepParameters(Learn: 0.3, Forget: 0, Guess: 0.2, Slip: 0.1);

        var logLikelihood = BktExpectationStep.Run(data, 0.4, [step], new BktExpectedCounts(1), new double[2]);

        Assert.Equal(Math.Log(0.48) + Math.Log(0.2225), logLikelihood, 12);
    }

    [Fact]
    public void Run_Sequence_FitFilterGivesTheOnlineStudentsPredictions()
    {
        // pyBKT predicts answer t+1 from the E-step's filtered state at t after the transition (predict_onestep_states);
        // the live student must make the same prediction, or offline AUC would not measure the fitted model.
        var skill = BktSimulator.Skill(prior: 0.35, learn: 0.2, forget: 0.05, guess: 0.25, slip: 0.15);
        var model = new BktModel("bkt-forget");
        model.UseParameters([skill]);
        var filtered = new double[Answers.Length];
        BktExpectationStep.Run(OneStudent(Answers), skill.Prior, [skill.Skill], new BktExpectedCounts(1), filtered);

        var student = model.StartStudent();
        for (var t = 0; t < Answers.Length; t++)
        {
            var known = t == 0 ? skill.Prior : skill.Skill.Transition(filtered[t - 1]);
            Assert.Equal(skill.Skill.PredictCorrect(known), student.PredictCorrect(0, [0], t), 12);
            student.Observe(new Observation(0, 0, [0], Answers[t] ? 1 : 0, t));
        }
    }

    [Fact]
    public void Run_Sequence_SmoothedStateCountsAddUpToTheAnswers()
    {
        var data = OneStudent(Answers);
        var counts = new BktExpectedCounts(1);
        var step = new BktStepParameters(Learn: 0.2, Forget: 0.05, Guess: 0.25, Slip: 0.15);

        BktExpectationStep.Run(data, 0.35, [step], counts, new double[Answers.Length]);

        Assert.Equal(Answers.Length, counts.Emissions.Sum(), 12);
        Assert.Equal(Answers.Length - 1, counts.Transitions.Sum(), 12);
        Assert.Equal(1, counts.Initial.Sum(), 12);
        var rightAnswers = counts.Emissions[1] + counts.Emissions[3];
        Assert.Equal(Answers.Count(a => a), rightAnswers, 12);
    }
}
