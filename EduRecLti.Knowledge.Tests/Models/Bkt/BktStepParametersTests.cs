using EduRecLti.Knowledge.Models.Bkt;

namespace EduRecLti.Knowledge.Tests.Models.Bkt;

public sealed class BktStepParametersTests
{
    private static readonly BktStepParameters Step = new(Learn: 0.3, Forget: 0.05, Guess: 0.2, Slip: 0.1);

    [Fact]
    public void Posterior_AfterCorrectAnswer_IsBayesRule()
    {
        // 0.4·0.9 / (0.4·0.9 + 0.6·0.2) = 0.36 / 0.48
        Assert.Equal(0.75, Step.Posterior(0.4, correct: true), 12);
    }

    [Fact]
    public void Posterior_AfterWrongAnswer_IsBayesRule()
    {
        // 0.4·0.1 / (0.4·0.1 + 0.6·0.8) = 0.04 / 0.52
        Assert.Equal(0.04 / 0.52, Step.Posterior(0.4, correct: false), 12);
    }

    [Fact]
    public void PredictCorrect_MixesSlipAndGuessByMastery()
    {
        // 0.4·(1 − 0.1) + 0.6·0.2
        Assert.Equal(0.48, Step.PredictCorrect(0.4), 12);
    }

    [Fact]
    public void Transition_AppliesLearnToUnknownAndForgetToKnown()
    {
        // 0.75·(1 − 0.05) + 0.25·0.3
        Assert.Equal(0.7875, Step.Transition(0.75), 12);
    }

    [Fact]
    public void Transition_WithoutForgetting_NeverLowersMastery()
    {
        var classic = Step with { Forget = 0 };
        Assert.True(classic.Transition(0.9) >= 0.9);
        Assert.Equal(1.0, classic.Transition(1.0), 12);
    }
}
