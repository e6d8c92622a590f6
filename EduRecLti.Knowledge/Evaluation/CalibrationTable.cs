namespace EduRecLti.Knowledge.Evaluation;

/// <summary>One reliability-diagram bin: predictions in [Lower, Upper) (the last bin includes 1).</summary>
public sealed record CalibrationBin(double Lower, double Upper, int Count, double MeanPredicted, double ObservedRate);

/// <summary>Reliability table: predictions cut into equal-width bins, with the mean prediction and mean outcome in each.</summary>
public static class CalibrationTable
{
    public const int DefaultBins = 10;

    /// <summary>Empty bins are kept (Count 0, NaN means) so tables of different models line up.</summary>
    public static IReadOnlyList<CalibrationBin> Compute(IReadOnlyList<double> predictions, IReadOnlyList<double> outcomes, int bins = DefaultBins)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        ArgumentNullException.ThrowIfNull(outcomes);
        var counts = new int[bins];
        var predicted = new double[bins];
        var observed = new double[bins];
        for (var i = 0; i < predictions.Count; i++)
        {
            var bin = Math.Clamp((int)(predictions[i] * bins), 0, bins - 1);
            counts[bin]++;
            predicted[bin] += predictions[i];
            observed[bin] += outcomes[i];
        }

        return Enumerable.Range(0, bins)
            .Select(b => new CalibrationBin(
                (double)b / bins,
                (double)(b + 1) / bins,
                counts[b],
                counts[b] == 0 ? double.NaN : predicted[b] / counts[b],
                counts[b] == 0 ? double.NaN : observed[b] / counts[b]))
            .ToList();
    }
}
