using EduRecLti.Knowledge.MlNet.Boosting;

namespace EduRecLti.Knowledge.MlNet.Tests.Boosting;

public sealed class CalibratedBinsTests
{
    /// <summary>True rates around a noisy forecast, realised over m answers: the 90% interval (taken at its upper bound) covers at least about 90% of true rates.</summary>
    private static List<(CalibratedBins.Sample Sample, double Truth)> Draw(int count, double forecastNoise, int seed)
    {
        var random = new Random(seed);
        var draws = new List<(CalibratedBins.Sample, double)>();
        for (var i = 0; i < count; i++)
        {
            var forecast = 0.2 + (0.6 * random.NextDouble());
            var truth = Math.Clamp(forecast + (forecastNoise * (random.NextDouble() - 0.5) * Math.Sqrt(12)), 0, 1);
            var answers = 2 + random.Next(8);
            var realised = Enumerable.Range(0, answers).Count(_ => random.NextDouble() < truth) / (double)answers;
            draws.Add((new CalibratedBins.Sample(forecast, random.Next(20), realised, answers), truth));
        }

        return draws;
    }

    [Fact]
    public void Interval_CoversTrueRatesAtTheStatedLevel()
    {
        var bins = CalibratedBins.Fit(Draw(20_000, 0.1, 1).Select(d => d.Sample).ToList());

        var covered = Draw(5_000, 0.1, 2).Count(d =>
        {
            var (lower, upper) = bins.Interval(d.Sample.Forecast, d.Sample.Evidence);
            return d.Truth >= lower && d.Truth <= upper;
        }) / 5_000.0;

        Assert.InRange(covered, 0.88, 0.99);
    }

    [Fact]
    public void Interval_BinomialNoiseIsTakenOut()
    {
        // Forecasts exactly right: the realised rates scatter only by sampling, so the interval of the true rate is narrow.
        var exact = CalibratedBins.Fit(Draw(20_000, 0, 3).Select(d => d.Sample).ToList());
        var noisy = CalibratedBins.Fit(Draw(20_000, 0.2, 3).Select(d => d.Sample).ToList());

        var (lower, upper) = exact.Interval(0.5, 5);
        var (noisyLower, noisyUpper) = noisy.Interval(0.5, 5);
        Assert.True(upper - lower < 0.35, $"exact forecasts gave width {upper - lower}");
        Assert.True(noisyUpper - noisyLower > upper - lower);
    }

    [Fact]
    public void Fit_NoSamples_GivesPointIntervalsInsideUnitRange()
    {
        var bins = CalibratedBins.Fit([]);

        Assert.Equal((0.3, 0.3), bins.Interval(0.3, 2));
        Assert.Equal((1.0, 1.0), bins.Interval(1.4, 0));
    }
}
