using EduRecLti.Knowledge.Models.Ensemble;

namespace EduRecLti.Knowledge.Tests.Models.Ensemble;

public sealed class MedianCalibrationTests
{
    [Fact]
    public void Apply_SlopeAndShift_IsSigmoidOfAffineLogit() =>
        Assert.Equal(1 / (1 + Math.Exp(-1.1)), new MedianCalibration(2, 0.1).Apply(0.5), 12);

    [Fact]
    public void Fit_MedianAboveEveryReachableValue_TakesTheLargestShift()
    {
        // At η = 0 the error is 3|σ(b) − 0.9| + |σ(b) − 0.2|, decreasing in b while σ(b) < 0.9: the grid's top shift wins.
        double[] etas = [0, 0, 0, 0];
        double[] scores = [0.9, 0.9, 0.9, 0.2];

        var fitted = MedianCalibration.Fit(etas, scores);

        Assert.Equal(1, fitted.Shift, 9);
        Assert.Equal((3 * (0.9 - (1 / (1 + Math.Exp(-1))))) + ((1 / (1 + Math.Exp(-1))) - 0.2), fitted.AbsoluteError(etas, scores), 9);
    }

    [Fact]
    public void Fit_SeededNoisyForecasts_NeverWorseThanIdentityAndDeterministic()
    {
        var random = new Random(4);
        var etas = Enumerable.Range(0, 300).Select(_ => (random.NextDouble() * 4) - 2).ToArray();
        var scores = etas.Select(e => Math.Clamp((1 / (1 + Math.Exp(-(1.6 * e) - 0.4))) + ((random.NextDouble() - 0.5) * 0.3), 0, 1)).ToArray();

        var fitted = MedianCalibration.Fit(etas, scores);

        Assert.True(fitted.AbsoluteError(etas, scores) < MedianCalibration.Identity.AbsoluteError(etas, scores));
        Assert.Equal(fitted, MedianCalibration.Fit(etas, scores));
        Assert.All(etas, e => Assert.InRange(fitted.Apply(e), 0, 1));
    }
}
