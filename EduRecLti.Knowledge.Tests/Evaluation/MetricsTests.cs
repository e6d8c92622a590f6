using EduRecLti.Knowledge.Evaluation;

namespace EduRecLti.Knowledge.Tests.Evaluation;

public sealed class MetricsTests
{
    [Fact]
    public void Auc_SklearnDocExample_IsThreeQuarters()
    {
        // sklearn roc_auc_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) = 0.75: 3 of 4 positive/negative pairs ordered.
        Assert.Equal(0.75, Metrics.Auc([0.1, 0.4, 0.35, 0.8], [false, false, true, true]), 12);
    }

    [Fact]
    public void Auc_TiedScores_CountHalfAPair()
    {
        // Pairs (pos, neg): 0.6>0.2 = 1, 0.6=0.6 = ½, 0.9 beats both = 2, 0.2=0.2 = ½, 0.2<0.6 = 0 → 4 of 6.
        var auc = Metrics.Auc([0.2, 0.6, 0.6, 0.9, 0.2], [false, false, true, true, true]);

        Assert.Equal(4.0 / 6, auc, 12);
    }

    [Fact]
    public void Auc_AllScoresEqual_IsOneHalf()
    {
        Assert.Equal(0.5, Metrics.Auc([0.3, 0.3, 0.3, 0.3], [false, true, false, true]), 12);
    }

    [Fact]
    public void Auc_OneClassOnly_IsNaN()
    {
        Assert.True(double.IsNaN(Metrics.Auc([0.3, 0.9], [true, true])));
    }

    [Fact]
    public void AverageRanks_Ties_ShareTheMeanRank()
    {
        Assert.Equal([1.5, 3, 1.5, 4], Metrics.AverageRanks([2, 5, 2, 9]));
    }

    [Fact]
    public void RmseAccuracyLogLoss_SmallCase_MatchHandValues()
    {
        double[] p = [0.8, 0.4, 0.5];
        double[] y = [1, 1, 0];

        Assert.Equal(Math.Sqrt((0.04 + 0.36 + 0.25) / 3), Metrics.Rmse(p, y), 12);
        Assert.Equal(1.0 / 3, Metrics.Accuracy(p, y), 12);
        Assert.Equal(-(Math.Log(0.8) + Math.Log(0.4) + Math.Log(0.5)) / 3, Metrics.LogLoss(p, y), 12);
        Assert.Equal((0.2 + 0.6 + 0.5) / 3, Metrics.MeanAbsoluteError(p, y), 12);
    }

    [Fact]
    public void LogLoss_ConfidentMiss_IsClippedNotInfinite()
    {
        Assert.Equal(-Math.Log(Metrics.LogLossEpsilon), Metrics.LogLoss([0.0], [1.0]), 6);
    }

    [Fact]
    public void Spearman_MonotoneWithTies_MatchesRankPearson()
    {
        // Ranks x = [1, 2.5, 2.5, 4], y = [1, 2, 3, 4]: r = 4.5 / sqrt(4.5 · 5).
        Assert.Equal(4.5 / Math.Sqrt(4.5 * 5), Metrics.Spearman([1, 2, 2, 3], [10, 20, 30, 40]), 12);
        Assert.Equal(-1, Metrics.Spearman([1, 2, 3], [3, 2, 1]), 12);
    }

    [Fact]
    public void Rmse_LengthMismatch_Throws()
    {
        Assert.Throws<ArgumentException>(() => Metrics.Rmse([0.5], [1, 0]));
    }

    [Fact]
    public void Spearman_FewerThanTwoPairs_IsNaN()
    {
        Assert.True(double.IsNaN(Metrics.Spearman([], [])));
        Assert.True(double.IsNaN(Metrics.Spearman([0.4], [1])));
    }
}
