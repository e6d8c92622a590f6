using EduRecLti.Knowledge.Models.Bkt;

namespace EduRecLti.Knowledge.Tests.Models.Bkt;

public sealed class BktStepParametersTests
{
    private static readonly BktStepParameters Step = new(Learn: 0.3, Forget: 0.05, Guess: 0.2, Slip: 0.1);

    private static readonly BktBelief Belief = BktBelief.FromPrior(0.4);

    [Fact]
    public void Posterior_AfterCorrectAnswer_IsBayesRule()
    {
        // 0.4·0.9 / (0.4·0.9 + 0.6·0.2) = 0.36 / 0.48
        var posterior = Step.Posterior(Belief, correct: true, out var evidence);

        Assert.Equal(0.75, posterior.Known, 12);
        Assert.Equal(0.25, posterior.Unknown, 12);
        Assert.Equal(0.48, evidence, 12);
    }

    [Fact]
    public void Posterior_AfterWrongAnswer_IsBayesRule()
    {
        // 0.4·0.1 / (0.4·0.1 + 0.6·0.8) = 0.04 / 0.52
        var posterior = Step.Posterior(Belief, correct: false, out var evidence);

        Assert.Equal(0.04 / 0.52, posterior.Known, 12);
        Assert.Equal(0.52, evidence, 12);
    }

    [Fact]
    public void PredictCorrect_MixesSlipAndGuessByMastery()
    {
        // 0.4·(1 − 0.1) + 0.6·0.2
        Assert.Equal(0.48, Step.PredictCorrect(Belief), 12);
    }

    [Fact]
    public void Transition_AppliesLearnToUnknownAndForgetToKnown()
    {
        // Known: 0.75·(1 − 0.05) + 0.25·0.3; unknown: 0.25·(1 − 0.3) + 0.75·0.05
        var next = Step.Transition(new BktBelief(0.25, 0.75));

        Assert.Equal(0.7875, next.Known, 12);
        Assert.Equal(0.2125, next.Unknown, 12);
    }

    [Fact]
    public void Transition_WithoutForgetting_NeverLowersMastery()
    {
        var classic = Step with { Forget = 0 };
        Assert.True(classic.Transition(new BktBelief(0.1, 0.9)).Known >= 0.9);
        Assert.Equal(1.0, classic.Transition(new BktBelief(0, 1)).Known, 12);
    }

    [Fact]
    public void Posterior_UnknownFarBelowRounding_IsKeptAndAWrongAnswerStillCounts()
    {
        // After a long run of right answers P(unknown) is 1e-20: 1 − P(known) would be exactly 0 in doubles.
        var classic = new BktStepParameters(Learn: 0.0045, Forget: 0, Guess: 0.486, Slip: 0.008);
        var certain = new BktBelief(1e-20, 1);

        var afterWrong = classic.Posterior(certain, correct: false, out _);

        // 1e-20·0.514 / (1·0.008 + 1e-20·0.514): tiny, but strictly positive and 64 times larger than before.
        Assert.Equal(1e-20 * 0.514 / 0.008, afterWrong.Unknown, 1e-30);
        Assert.True(afterWrong.Unknown > certain.Unknown);
    }
}
