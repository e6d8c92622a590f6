using EduRecLti.Knowledge.Models.Grades;

namespace EduRecLti.Knowledge.Tests.Models.Grades;

public sealed class LogisticBlockTests
{
    private static LogisticBlock Block()
    {
        var block = new LogisticBlock(3);
        block.AddCell([1, 1, 0.5], 0.2, 5, 3);
        block.AddCell([1, 0, -0.3], -0.4, 2, 0.5);
        block.AddCell([1, 1, 1.2], 0.1, 10, 9);
        block.PriorPrecision[0] = 1;
        block.PriorPrecision[1] = 2;
        block.PriorPrecision[2] = 0.5;
        block.PriorMean[1] = 0.3;
        return block;
    }

    [Fact]
    public void Gradient_AtArbitraryWeights_MatchesCentralFiniteDifference()
    {
        var block = Block();
        double[] w = [0.4, -0.7, 1.1];
        Array.Copy(w, block.Weights, 3);
        var gradient = block.Gradient();
        const double h = 1e-6;
        for (var i = 0; i < 3; i++)
        {
            var plus = (double[])w.Clone();
            var minus = (double[])w.Clone();
            plus[i] += h;
            minus[i] -= h;
            var numeric = (block.Objective(plus) - block.Objective(minus)) / (2 * h);
            Assert.Equal(numeric, gradient[i], 6);
        }
    }

    [Fact]
    public void Fit_FromZero_ReachesStationaryPointWithHigherObjective()
    {
        var block = Block();
        var before = block.Objective(block.Weights);
        block.Fit(50, 1e-12);
        Assert.True(block.Objective(block.Weights) > before);
        Assert.All(block.Gradient(), g => Assert.True(Math.Abs(g) < 1e-6, $"gradient {g}"));
    }

    [Fact]
    public void Fit_SingleBinomialCellWithoutPrior_GivesLogitOfProportion()
    {
        var block = new LogisticBlock(1);
        block.AddCell([1], 0, 8, 6);
        block.Fit(50, 1e-14);
        Assert.Equal(Math.Log(6.0 / 2.0), block.Weights[0], 6);
    }

    [Fact]
    public void AddCell_SparseEntries_SameFitAsTheDenseRow()
    {
        var dense = Block();
        var sparse = new LogisticBlock(3);
        sparse.AddCell([2, 0, 1], [0.5, 1, 1], 0.2, 5, 3);
        sparse.AddCell([0, 2], [1, -0.3], -0.4, 2, 0.5);
        sparse.AddCell([0, 1, 2], [1, 1, 1.2], 0.1, 10, 9);
        Array.Copy(dense.PriorPrecision, sparse.PriorPrecision, 3);
        Array.Copy(dense.PriorMean, sparse.PriorMean, 3);

        dense.Fit(50, 1e-12);
        sparse.Fit(50, 1e-12);

        Assert.Equal(dense.Weights, sparse.Weights, new ToleranceComparer(1e-10));
    }
}
