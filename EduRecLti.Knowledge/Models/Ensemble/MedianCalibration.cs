
namespace EduRecLti.Knowledge.Models.Ensemble;

/// <summary>
/// A monotone map σ(a·η + b) of a logit-scale forecast η, with (a, b) on a grid chosen to minimise the mean absolute
/// error: the least-absolute-deviation (median) counterpart of Platt scaling (Platt 1999; Koenker &amp; Bassett 1978).
/// </summary>
public readonly record struct MedianCalibration(double Slope, double Shift)
{
    public static MedianCalibration Identity { get; } = new(1, 0);

    /// <summary>Slopes 0.1..2.5 (a sum of two stacked logits needs less than 1) and shifts −1..1; the identity is on the grid, so the fitted map never does worse on the fit cells.</summary>
    private static readonly double[] Slopes = [.. Enumerable.Range(0, 49).Select(i => 0.1 + (0.05 * i))];

    private static readonly double[] Shifts = [.. Enumerable.Range(0, 101).Select(i => -1 + (0.02 * i))];

    public double Apply(double eta) => Grades.Logistic.Sigmoid((Slope * eta) + Shift);

    public static MedianCalibration Fit(IReadOnlyList<double> etas, IReadOnlyList<double> scores)
    {
        ArgumentNullException.ThrowIfNull(etas);
        ArgumentNullException.ThrowIfNull(scores);
        var best = Identity;
        var bestError = best.AbsoluteError(etas, scores);
        foreach (var slope in Slopes)
        {
            foreach (var shift in Shifts)
            {
                var candidate = new MedianCalibration(slope, shift);
                var error = candidate.AbsoluteError(etas, scores);
                if (error < bestError - 1e-12)
                {
                    (best, bestError) = (candidate, error);
                }
            }
        }

        return best;
    }

    public double AbsoluteError(IReadOnlyList<double> etas, IReadOnlyList<double> scores)
    {
        var total = 0.0;
        for (var i = 0; i < etas.Count; i++)
        {
            total += Math.Abs(Apply(etas[i]) - scores[i]);
        }

        return total;
    }
}
