using EduRecLti.Knowledge.Core;

namespace EduRecLti.Knowledge.Models.Logistic;

/// <summary>
/// Interval around a predicted success rate from how much of the student's own evidence is behind it.
/// </summary>
/// <remarks>
/// The population weights are fitted on hundreds of thousands of answers, so their Laplace (posterior) spread is
/// negligible next to the uncertainty about this one student. We therefore use the Wilson score interval
/// (Wilson 1927) of the estimate as if it had been observed as a rate over (evidence + 1) answers: wide on a new
/// skill, narrowing as answers on the skill accumulate.
/// </remarks>
internal static class MasteryInterval
{
    private const double Z = 1.96;

    public static SkillMastery From(double estimate, int evidence)
    {
        var n = evidence + 1.0;
        var z2 = Z * Z;
        var denominator = 1 + (z2 / n);
        var centre = (estimate + (z2 / (2 * n))) / denominator;
        var half = Z / denominator * Math.Sqrt((estimate * (1 - estimate) / n) + (z2 / (4 * n * n)));
        return new SkillMastery(estimate, Math.Max(0, centre - half), Math.Min(1, centre + half), evidence);
    }
}
