using EduRecLti.Knowledge.Core;
using EduRecLti.Knowledge.Evaluation;

namespace EduRecLti.Knowledge.MlNet.Grades;

/// <summary>
/// Each skill's mean score in the forecast regime (the work after a cut-off, grade recipe cells), separately for
/// students who had practised the skill before the cut-off and for those who had not, smoothed toward the overall mean
/// of the same kind with <see cref="PriorStrength"/> pseudo-cells. A skill builder in progress ends differently from
/// one not yet started, which the all-answers difficulty cannot say. Fitted on other students only.
/// </summary>
public sealed record CutOffRates(double[] Seen, double[] New)
{
    public const double PriorStrength = 10;

    public static CutOffRates Fit(IEnumerable<IReadOnlyList<Observation>> sequences, int skillCount)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        var sums = new double[2, skillCount];
        var counts = new int[2, skillCount];
        foreach (var sequence in sequences)
        {
            foreach (var target in GradeForecastFold.Targets(sequence).Targets.Where(t => t.Skill >= 0 && t.Skill < skillCount))
            {
                var kind = target.Seen ? 0 : 1;
                sums[kind, target.Skill] += target.Score;
                counts[kind, target.Skill]++;
            }
        }

        return new CutOffRates(Smoothed(sums, counts, 0, skillCount), Smoothed(sums, counts, 1, skillCount));
    }

    public double Of(int skill, bool seen)
    {
        var rates = seen ? Seen : New;
        return skill >= 0 && skill < rates.Length ? rates[skill] : rates.Average();
    }

    private static double[] Smoothed(double[,] sums, int[,] counts, int kind, int skillCount)
    {
        double total = 0;
        var n = 0;
        for (var s = 0; s < skillCount; s++)
        {
            total += sums[kind, s];
            n += counts[kind, s];
        }

        var mean = (total + 0.5) / (n + 1);
        return [.. Enumerable.Range(0, skillCount).Select(s => (sums[kind, s] + (PriorStrength * mean)) / (counts[kind, s] + PriorStrength))];
    }
}
