namespace EduRecLti.Knowledge.Models.Bkt;

/// <summary>Expectation–maximisation for one skill from one starting point, with a relative convergence test.</summary>
internal static class BktEm
{
    /// <summary>
    /// A random start drawn like pyBKT's random_model_uni: P(L0) ~ U(0,1), learn ~ U(0,0.4), guess ~ U(0,0.4),
    /// slip ~ U(0,0.3), forget ~ U(0,1) when forgets are learned (else 0). Fixed parameters override the draws.
    /// </summary>
    public static BktFitState RandomStart(Random random, BktOptions options, BktFixedParameters fixedParameters, int itemCount)
    {
        ArgumentNullException.ThrowIfNull(random);
        var prior = random.NextDouble();
        var learn = 0.4 * random.NextDouble();
        var guess = 0.4 * random.NextDouble();
        var slip = 0.3 * random.NextDouble();
        var forget = options.Forgets ? random.NextDouble() : 0;
        var skill = fixedParameters.Apply(new BktStepParameters(learn, forget, guess, slip));
        return new BktFitState(fixedParameters.ApplyPrior(prior), skill, itemCount);
    }

    /// <summary>
    /// Runs EM until |LL_k − LL_{k−1}| ≤ tolerance·|LL_{k−1}| or the iteration cap. The state is left at the
    /// parameters whose log-likelihood was measured last, so the returned trace ends at the fit's own LL.
    /// </summary>
    public static BktEmTrace Run(SkillSequences data, BktFitState state, BktOptions options, BktFixedParameters fixedParameters, CancellationToken cancellationToken)
    {
        var counts = new BktExpectedCounts(state.Steps.Length);
        var filtered = new BktBelief[data.RowCount];
        var logLikelihoods = new List<double>(options.MaxIterations);
        var converged = false;
        for (var iteration = 0; iteration < options.MaxIterations; iteration++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var logLikelihood = BktExpectationStep.Run(data, state.Prior, state.Steps, counts, filtered);
            if (logLikelihoods.Count > 0 && HasConverged(logLikelihoods[^1], logLikelihood, options.RelativeTolerance))
            {
                logLikelihoods.Add(logLikelihood);
                converged = true;
                break;
            }

            logLikelihoods.Add(logLikelihood);
            BktMaximizationStep.Run(counts, state, options, fixedParameters);
        }

        if (!converged)
        {
            logLikelihoods.Add(BktExpectationStep.Run(data, state.Prior, state.Steps, counts, filtered));
        }

        return new BktEmTrace(logLikelihoods, converged);
    }

    private static bool HasConverged(double previous, double current, double relativeTolerance) =>
        Math.Abs(current - previous) <= relativeTolerance * Math.Abs(previous);
}

/// <summary>The log-likelihood after each E-step of one EM run, and whether the tolerance (not the cap) stopped it.</summary>
internal sealed record BktEmTrace(IReadOnlyList<double> LogLikelihoods, bool Converged)
{
    public double Final => LogLikelihoods[^1];
}
