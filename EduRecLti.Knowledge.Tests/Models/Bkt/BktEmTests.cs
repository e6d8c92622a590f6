using EduRecLti.Knowledge.Models.Bkt;

namespace EduRecLti.Knowledge.Tests.Models.Bkt;

public sealed class BktEmTests
{
    private static readonly BktSkillParameters Truth = BktSimulator.Skill(prior: 0.3, learn: 0.15, forget: 0, guess: 0.2, slip: 0.1);

    private static SkillSequences Simulated(int students = 400) =>
        SkillSequences.Build(BktSimulator.Simulate(new Random(11), Truth, students, answersPerStudent: 15), separateItems: false)[0];

    private static BktEmTrace RunFrom(SkillSequences data, BktOptions options, int seed, out BktFitState state)
    {
        state = BktEm.RandomStart(new Random(seed), options, options.Fixed, data.ItemIds.Length);
        return BktEm.Run(data, state, options, options.Fixed, CancellationToken.None);
    }

    [Fact]
    public void Run_SimulatedData_RecoversGeneratingParameters()
    {
        var model = new BktModel("bkt", new BktOptions { Restarts = 5, MaxDegreeOfParallelism = 1 });
        model.Fit(BktSimulator.Simulate(new Random(5), Truth, students: 1500, answersPerStudent: 15), new Random(1));

        var fitted = model.Skills[0]!;
        Assert.Equal(Truth.Prior, fitted.Prior, 0.05);
        Assert.Equal(Truth.Skill.Learn, fitted.Skill.Learn, 0.03);
        Assert.Equal(Truth.Skill.Guess, fitted.Skill.Guess, 0.03);
        Assert.Equal(Truth.Skill.Slip, fitted.Skill.Slip, 0.03);
        Assert.Equal(0, fitted.Skill.Forget);
    }

    [Fact]
    public void Run_EveryIteration_LogLikelihoodNeverDecreases()
    {
        var trace = RunFrom(Simulated(), new BktOptions { RelativeTolerance = 0, MaxIterations = 60 }, seed: 3, out _);

        for (var i = 1; i < trace.LogLikelihoods.Count; i++)
        {
            Assert.True(trace.LogLikelihoods[i] >= trace.LogLikelihoods[i - 1] - 1e-9, $"LL fell at iteration {i}");
        }
    }

    [Fact]
    public void Run_WithForgets_LogLikelihoodNeverDecreases()
    {
        var trace = RunFrom(Simulated(), new BktOptions { Forgets = true, RelativeTolerance = 0, MaxIterations = 60 }, seed: 4, out _);

        Assert.All(trace.LogLikelihoods.Zip(trace.LogLikelihoods.Skip(1)), pair => Assert.True(pair.Second >= pair.First - 1e-9));
    }

    [Fact]
    public void Run_RelativeTolerance_StopsBeforeCapOnceChangeIsSmall()
    {
        var options = new BktOptions { RelativeTolerance = 1e-6, MaxIterations = 500 };
        var trace = RunFrom(Simulated(), options, seed: 3, out _);

        Assert.True(trace.Converged);
        Assert.True(trace.LogLikelihoods.Count < options.MaxIterations);
        var last = trace.LogLikelihoods[^1];
        var previous = trace.LogLikelihoods[^2];
        Assert.True(Math.Abs(last - previous) <= 1e-6 * Math.Abs(previous));
    }

    [Fact]
    public void Run_TighterTolerance_TakesMoreIterations()
    {
        var data = Simulated();
        var loose = RunFrom(data, new BktOptions { RelativeTolerance = 1e-3 }, seed: 3, out _);
        var tight = RunFrom(data, new BktOptions { RelativeTolerance = 1e-8, MaxIterations = 1000 }, seed: 3, out _);

        Assert.True(tight.LogLikelihoods.Count > loose.LogLikelihoods.Count);
        Assert.True(tight.Final >= loose.Final);
    }

    [Fact]
    public void Run_FixedParameters_StayAtTheirValues()
    {
        var fixedParameters = new BktFixedParameters(Prior: 0.5, Guess: 0.25, Slip: 0.05);
        var options = new BktOptions { Forgets = true, Fixed = fixedParameters };
        RunFrom(Simulated(), options, seed: 8, out var state);

        Assert.Equal(0.5, state.Prior);
        Assert.Equal(0.25, state.Skill.Guess);
        Assert.Equal(0.05, state.Skill.Slip);
        Assert.Equal(0.25, state.Steps[0].Guess);
        Assert.NotEqual(0.0, state.Skill.Learn);
    }

    [Fact]
    public void RandomStart_SameSeed_SameStart()
    {
        var options = new BktOptions { Forgets = true };
        var first = BktEm.RandomStart(new Random(9), options, options.Fixed, 1);
        var second = BktEm.RandomStart(new Random(9), options, options.Fixed, 1);

        Assert.Equal(first.Prior, second.Prior);
        Assert.Equal(first.Skill, second.Skill);
        Assert.InRange(first.Skill.Learn, 0, 0.4);
        Assert.InRange(first.Skill.Slip, 0, 0.3);
    }
}
