namespace EduRecLti.Knowledge.MlNet.Boosting;

/// <summary>
/// Intervals for a boosted forecast from held-out students, binned by the forecast (five bins of width 0.2) and by the
/// evidence behind it (0, 1–2, 3–5, 6–10, 11+ answers on the skill). In each bin the spread of the student's true rate
/// around the forecast is estimated from realised rates over m answers with the binomial noise taken out:
/// E[(r − p)²] = V + (p(1 − p) − V)/m, so V = ((r − p)² − p(1 − p)/m) / (1 − 1/m) per realised rate (method of
/// moments; m ≥ 2). V is taken at its one-sided 95% upper bound (mean + 1.645 standard errors over the bin's samples),
/// so a bin whose forecasts look exact on a few hundred students still gets the width its sampling error allows instead
/// of a zero-width interval. The interval is forecast ± z·√V, z = 1.645 (90%). A bin with fewer than
/// <see cref="MinimumBinCount"/> samples, or whose bound is still not above zero (its realised rates scatter no more
/// than sampling explains), borrows its evidence row's pooled value, and that the overall one.
/// </summary>
public sealed record CalibratedBins(double[] Spread, double[] EvidenceSpread, double OverallSpread)
{
    public const int ForecastBins = 5;
    public const int MinimumBinCount = 30;
    public const double Z = 1.645;

    private static readonly int[] EvidenceEdges = [1, 3, 6, 11];

    public static int EvidenceBuckets => EvidenceEdges.Length + 1;

    /// <summary>One held-out forecast: its value, the evidence behind it, and the rate realised over <c>Answers</c> answers.</summary>
    public readonly record struct Sample(double Forecast, int Evidence, double Realised, int Answers);

    public static CalibratedBins Fit(IReadOnlyCollection<Sample> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var sums = new double[ForecastBins * EvidenceBuckets];
        var squares = new double[sums.Length];
        var counts = new int[sums.Length];
        foreach (var sample in samples.Where(s => s.Answers >= 2))
        {
            var p = Math.Clamp(sample.Forecast, 0, 1);
            var m = (double)sample.Answers;
            var v = ((sample.Realised - p) * (sample.Realised - p) - (p * (1 - p) / m)) / (1 - (1 / m));
            var bin = Bin(p, sample.Evidence);
            sums[bin] += v;
            squares[bin] += v * v;
            counts[bin]++;
        }

        var overall = SpreadOf(sums.Sum(), squares.Sum(), counts.Sum()) ?? 0;
        var evidence = Enumerable.Range(0, EvidenceBuckets).Select(e =>
        {
            var bins = Enumerable.Range(0, ForecastBins).Select(f => (f * EvidenceBuckets) + e).ToList();
            var n = bins.Sum(b => counts[b]);
            return (n >= MinimumBinCount ? SpreadOf(bins.Sum(b => sums[b]), bins.Sum(b => squares[b]), n) : null) ?? overall;
        }).ToArray();
        var spread = sums
            .Select((sum, bin) => (counts[bin] >= MinimumBinCount ? SpreadOf(sum, squares[bin], counts[bin]) : null) ?? evidence[bin % EvidenceBuckets])
            .ToArray();
        return new CalibratedBins(spread, evidence, overall);
    }

    /// <summary>The 90% interval of the true rate around <paramref name="forecast"/>, clamped to [0,1].</summary>
    public (double Lower, double Upper) Interval(double forecast, int evidence)
    {
        var p = Math.Clamp(forecast, 0, 1);
        var half = Z * Spread[Bin(p, evidence)];
        return (Math.Max(0, p - half), Math.Min(1, p + half));
    }

    private static int Bin(double forecast, int evidence)
    {
        var f = Math.Min(ForecastBins - 1, (int)(forecast * ForecastBins));
        var e = 0;
        while (e < EvidenceEdges.Length && evidence >= EvidenceEdges[e])
        {
            e++;
        }

        return (f * EvidenceBuckets) + e;
    }

    /// <summary>√ of the upper 95% bound of the mean of the per-sample variance estimates; null when that bound is not positive.</summary>
    private static double? SpreadOf(double sum, double squares, int count)
    {
        if (count == 0)
        {
            return null;
        }

        var mean = sum / count;
        var variance = Math.Max(0, (squares / count) - (mean * mean));
        var bound = mean + (Z * Math.Sqrt(variance / count));
        return bound > 0 ? Math.Sqrt(bound) : null;
    }
}
