namespace EduRecLti.Knowledge.Models.Bkt;

/// <summary>
/// The closed-form M-step: each probability is a ratio of expected counts (Baum–Welch). Skill-level values pool
/// the counts of all items; per-item values are MAP estimates under a Beta prior centred on the skill value
/// (<see cref="BktOptions.ItemPriorStrength"/>). Fixed parameters are written back unchanged.
/// </summary>
internal static class BktMaximizationStep
{
    // Keeps emissions off 0 and 1 so that no answer has zero likelihood (pyBKT instead treats a zero emission as 1).
    private const double EmissionFloor = 1e-10;

    public static void Run(BktExpectedCounts counts, BktFitState state, BktOptions options, BktFixedParameters fixedParameters)
    {
        var skill = Bounded(fixedParameters.Apply(Pooled(counts, options.Forgets, state.Skill)));
        var steps = state.Steps;
        var kappa = options.ItemPriorStrength;
        for (var item = 0; item < steps.Length; item++)
        {
            var own = options.SeparatesItems ? ForItem(counts, item, skill, kappa, options.Forgets) : skill;
            steps[item] = fixedParameters.Apply(new BktStepParameters(
                options.ItemLearn ? own.Learn : skill.Learn,
                options.ItemLearn ? own.Forget : skill.Forget,
                options.ItemGuessSlip ? own.Guess : skill.Guess,
                options.ItemGuessSlip ? own.Slip : skill.Slip));
        }

        var initial = counts.Initial;
        state.Prior = fixedParameters.ApplyPrior(Ratio(initial[1], initial[0] + initial[1], state.Prior));
        state.Skill = skill;
    }

    private static BktStepParameters Pooled(BktExpectedCounts counts, bool forgets, BktStepParameters fallback)
    {
        Span<double> transitions = stackalloc double[4];
        Span<double> emissions = stackalloc double[4];
        for (var item = 0; item < counts.ItemCount; item++)
        {
            for (var k = 0; k < 4; k++)
            {
                transitions[k] += counts.Transitions[(item * 4) + k];
                emissions[k] += counts.Emissions[(item * 4) + k];
            }
        }

        return FromCounts(transitions, emissions, forgets, fallback, 0);
    }

    private static BktStepParameters ForItem(BktExpectedCounts counts, int item, BktStepParameters skill, double kappa, bool forgets) =>
        Bounded(FromCounts(
            counts.Transitions.AsSpan(item * 4, 4), counts.Emissions.AsSpan(item * 4, 4), forgets, skill, kappa));

    /// <summary>(count + κ·center) / (total + κ): the mode of the Beta(1 + κ·center, 1 + κ·(1 − center)) posterior.</summary>
    private static BktStepParameters FromCounts(
        ReadOnlySpan<double> transitions, ReadOnlySpan<double> emissions, bool forgets, BktStepParameters center, double kappa) => new(
        Learn: Ratio(transitions[1] + (kappa * center.Learn), transitions[0] + transitions[1] + kappa, center.Learn),
        Forget: forgets ? Ratio(transitions[2] + (kappa * center.Forget), transitions[2] + transitions[3] + kappa, center.Forget) : 0,
        Guess: Ratio(emissions[1] + (kappa * center.Guess), emissions[0] + emissions[1] + kappa, center.Guess),
        Slip: Ratio(emissions[2] + (kappa * center.Slip), emissions[2] + emissions[3] + kappa, center.Slip));

    private static BktStepParameters Bounded(BktStepParameters value) => value with
    {
        Guess = Math.Clamp(value.Guess, EmissionFloor, 1 - EmissionFloor),
        Slip = Math.Clamp(value.Slip, EmissionFloor, 1 - EmissionFloor),
    };

    private static double Ratio(double numerator, double denominator, double fallback) =>
        denominator > 0 ? numerator / denominator : fallback;
}
