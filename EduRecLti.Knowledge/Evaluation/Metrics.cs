namespace EduRecLti.Knowledge.Evaluation;

/// <summary>
/// Prediction metrics over paired predictions and outcomes. Every metric pools all pairs it is given (the harness
/// passes all test responses of one fold: "pooled", as in pyBKT's <c>evaluate</c>, not averaged per skill).
/// Outcomes are scores in [0,1]; a score ≥ 0.5 counts as correct for AUC and accuracy.
/// </summary>
public static class Metrics
{
    /// <summary>Log-loss clips predictions to [ε, 1−ε] so one confident miss cannot make it infinite (sklearn's choice).</summary>
    public const double LogLossEpsilon = 1e-15;

    /// <summary>
    /// Area under the ROC curve by the rank-sum (Mann–Whitney U) formula with average ranks for tied scores, so a
    /// tie between a positive and a negative counts one half. NaN when one class is absent.
    /// </summary>
    public static double Auc(IReadOnlyList<double> scores, IReadOnlyList<bool> positive)
    {
        CheckLengths(scores, positive);
        var ranks = AverageRanks(scores);
        double positives = 0, rankSum = 0;
        for (var i = 0; i < ranks.Length; i++)
        {
            if (positive[i])
            {
                positives++;
                rankSum += ranks[i];
            }
        }

        var negatives = ranks.Length - positives;
        return positives == 0 || negatives == 0
            ? double.NaN
            : (rankSum - (positives * (positives + 1) / 2)) / (positives * negatives);
    }

    public static double Rmse(IReadOnlyList<double> predictions, IReadOnlyList<double> outcomes) =>
        Math.Sqrt(Mean(predictions, outcomes, (p, y) => (p - y) * (p - y)));

    public static double MeanAbsoluteError(IReadOnlyList<double> predictions, IReadOnlyList<double> outcomes) =>
        Mean(predictions, outcomes, (p, y) => Math.Abs(p - y));

    public static double Accuracy(IReadOnlyList<double> predictions, IReadOnlyList<double> outcomes) =>
        Mean(predictions, outcomes, (p, y) => (p >= 0.5) == (y >= 0.5) ? 1 : 0);

    /// <summary>Mean negative log-likelihood (natural log) of the outcomes; fractional outcomes give the cross-entropy.</summary>
    public static double LogLoss(IReadOnlyList<double> predictions, IReadOnlyList<double> outcomes) =>
        Mean(predictions, outcomes, (p, y) =>
        {
            var clipped = Math.Clamp(p, LogLossEpsilon, 1 - LogLossEpsilon);
            return -((y * Math.Log(clipped)) + ((1 - y) * Math.Log(1 - clipped)));
        });

    /// <summary>Spearman's rank correlation: Pearson correlation of average ranks (ties handled). NaN for constant or too short input.</summary>
    public static double Spearman(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        CheckLengths(x, y);
        if (x.Count < 2)
        {
            return double.NaN;
        }

        var rx = AverageRanks(x);
        var ry = AverageRanks(y);
        double mx = rx.Average(), my = ry.Average(), sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < rx.Length; i++)
        {
            sxy += (rx[i] - mx) * (ry[i] - my);
            sxx += (rx[i] - mx) * (rx[i] - mx);
            syy += (ry[i] - my) * (ry[i] - my);
        }

        return sxx == 0 || syy == 0 ? double.NaN : sxy / Math.Sqrt(sxx * syy);
    }

    /// <summary>1-based ranks, tied values sharing the mean of the ranks they span.</summary>
    public static double[] AverageRanks(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var order = Enumerable.Range(0, values.Count).ToArray();
        Array.Sort(order, (a, b) => values[a].CompareTo(values[b]));
        var ranks = new double[values.Count];
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && values[order[end + 1]].CompareTo(values[order[start]]) == 0)
            {
                end++;
            }

            var rank = ((start + end) / 2.0) + 1;
            for (var i = start; i <= end; i++)
            {
                ranks[order[i]] = rank;
            }

            start = end + 1;
        }

        return ranks;
    }

    private static double Mean(IReadOnlyList<double> predictions, IReadOnlyList<double> outcomes, Func<double, double, double> term)
    {
        CheckLengths(predictions, outcomes);
        if (predictions.Count == 0)
        {
            return double.NaN;
        }

        var sum = 0.0;
        for (var i = 0; i < predictions.Count; i++)
        {
            sum += term(predictions[i], outcomes[i]);
        }

        return sum / predictions.Count;
    }

    private static void CheckLengths<TA, TB>(IReadOnlyList<TA> a, IReadOnlyList<TB> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count != b.Count)
        {
            throw new ArgumentException($"Got {a.Count} predictions for {b.Count} outcomes.", nameof(b));
        }
    }
}
