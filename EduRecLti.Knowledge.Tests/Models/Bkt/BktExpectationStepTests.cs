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

        var logLikelihood = BktExpectationStep.Run(data, 0.4, [step], new BktExpectedCounts(1), new BktBelief[2]);

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
        var filtered = new BktBelief[Answers.Length];
        BktExpectationStep.Run(OneStudent(Answers), skill.Prior, [skill.Skill], new BktExpectedCounts(1), filtered);

        var student = model.StartStudent();
        for (var t = 0; t < Answers.Length; t++)
        {
            var known = t == 0 ? BktBelief.FromPrior(skill.Prior) : skill.Skill.Transition(filtered[t - 1]);
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

        BktExpectationStep.Run(data, 0.35, [step], counts, new BktBelief[Answers.Length]);

        Assert.Equal(Answers.Length, counts.Emissions.Sum(), 12);
        Assert.Equal(Answers.Length - 1, counts.Transitions.Sum(), 12);
        Assert.Equal(1, counts.Initial.Sum(), 12);
        var rightAnswers = counts.Emissions[1] + counts.Emissions[3];
        Assert.Equal(Answers.Count(a => a), rightAnswers, 12);
    }

    [Fact]
    public void Run_LongRightRunThenMistakes_LogLikelihoodMatchesExactLogSpaceForward()
    {
        // 60 right answers, then 12 wrong, without forgetting (skill 94 of S5 as pyBKT fits it): P(unknown) falls far
        // below 1e-16 and must still let the mistakes count. The reference runs the forward recursion in log space.
        bool[] answers = [.. Enumerable.Repeat(true, 60), .. Enumerable.Repeat(false, 12)];
        var step = new BktStepParameters(Learn: 0.0045, Forget: 0, Guess: 0.486, Slip: 0.008);
        const double prior = 0.749;

        var logLikelihood = BktExpectationStep.Run(OneStudent(answers), prior, [step], new BktExpectedCounts(1), new BktBelief[answers.Length]);

        Assert.Equal(LogSpaceLogLikelihood(answers, prior, step), logLikelihood, 9);
    }

    [Fact]
    public void Student_LongRightRunThenMistakes_MasteryFallsAgain()
    {
        var skill = BktSimulator.Skill(prior: 0.749, learn: 0.0045, forget: 0, guess: 0.486, slip: 0.008);
        var model = new BktModel("bkt");
        model.UseParameters([skill]);
        var student = model.StartStudent();
        for (var t = 0; t < 72; t++)
        {
            student.Observe(new Observation(0, 0, [0], t < 60 ? 1 : 0, t));
        }

        // Exact arithmetic gives about 0.008; a filter that stores only P(known) stays at 1.
        Assert.InRange(student.Mastery(0).Estimate, 0, 0.05);
    }

    private static double LogSpaceLogLikelihood(bool[] answers, double prior, BktStepParameters step)
    {
        double logUnknown = Math.Log(1 - prior), logKnown = Math.Log(prior);
        double total = 0;
        foreach (var correct in answers)
        {
            var joinedUnknown = logUnknown + Math.Log(correct ? step.Guess : 1 - step.Guess);
            var joinedKnown = logKnown + Math.Log(correct ? 1 - step.Slip : step.Slip);
            var evidence = LogSumExp(joinedUnknown, joinedKnown);
            total += evidence;
            var postUnknown = joinedUnknown - evidence;
            var postKnown = joinedKnown - evidence;
            logUnknown = postUnknown + Math.Log(1 - step.Learn);
            logKnown = LogSumExp(postUnknown + Math.Log(step.Learn), postKnown);
        }

        return total;
    }

    private static double LogSumExp(double a, double b)
    {
        var max = Math.Max(a, b);
        return max + Math.Log(Math.Exp(a - max) + Math.Exp(b - max));
    }
}
