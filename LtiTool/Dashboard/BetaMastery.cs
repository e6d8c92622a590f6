namespace LtiTool.Dashboard;

/// <summary>
/// Mastery as a Beta posterior over the share of a skill's work a student gets right: a uniform Beta(1, 1) prior,
/// each result adds its weighted score to the successes and the rest to the failures (fractional Beta-Binomial
/// updating). The interval is the normal approximation of the posterior, clipped to [0, 1]: simple, and honest about
/// how little a few results say.
/// </summary>
public static class BetaMastery
{
    public static MasteryCell Estimate(IReadOnlyList<MasteryEvidence> evidence, double intervalZ)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        double alpha = 1, beta = 1;
        foreach (var e in evidence)
        {
            alpha += e.Weight * e.ScoreFraction;
            beta += e.Weight * (1 - e.ScoreFraction);
        }

        var total = alpha + beta;
        var mean = alpha / total;
        var sd = Math.Sqrt(alpha * beta / (total * total * (total + 1)));
        return new MasteryCell(mean, Math.Max(0, mean - (intervalZ * sd)), Math.Min(1, mean + (intervalZ * sd)), evidence);
    }
}
