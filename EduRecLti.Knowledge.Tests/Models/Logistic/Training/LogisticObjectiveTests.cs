using EduRecLti.Knowledge.Models.Logistic.Features;
using EduRecLti.Knowledge.Models.Logistic.Training;

namespace EduRecLti.Knowledge.Tests.Models.Logistic.Training;

public sealed class LogisticObjectiveTests
{
    [Fact]
    public void Evaluate_Gradient_MatchesFiniteDifference()
    {
        var random = new Random(7);
        var data = Simulation.Rows(random, rows: 200, width: 5, trueWeights: [0.3, -1, 0.5, 2, -0.7]);
        var objective = new LogisticObjective(data, l2: 0.8);
        var weights = Enumerable.Range(0, 5).Select(_ => random.NextDouble() - 0.5).ToArray();
        var gradient = new double[5];
        objective.Evaluate(weights, gradient);

        for (var j = 0; j < 5; j++)
        {
            const double H = 1e-6;
            var plus = (double[])weights.Clone();
            var minus = (double[])weights.Clone();
            plus[j] += H;
            minus[j] -= H;
            var numeric = (objective.Evaluate(plus, new double[5]) - objective.Evaluate(minus, new double[5])) / (2 * H);
            Assert.Equal(numeric, gradient[j], 4);
        }
    }

    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(3.0, 0.0)]
    [InlineData(-40.0, 1.0)]
    [InlineData(4.0, 0.3)]
    public void LossAndProbability_MatchesTheTextbookFormulas(double z, double y)
    {
        var (loss, p) = LogisticObjective.LossAndProbability(z, y);

        var expectedP = 1 / (1 + Math.Exp(-z));
        Assert.Equal(expectedP, p, 12);
        Assert.Equal(-(y * Math.Log(expectedP)) - ((1 - y) * Math.Log(1 - expectedP)), loss, 6);
    }

    [Fact]
    public void LossAndProbability_LargeLogit_StaysFiniteWhereTheTextbookFormulaOverflows()
    {
        var (loss, p) = LogisticObjective.LossAndProbability(40, 0.3);

        Assert.Equal(0.7 * 40, loss, 9);
        Assert.Equal(1, p, 12);
    }

    [Fact]
    public void Lbfgs_SimulatedData_RecoversKnownWeights()
    {
        double[] truth = [-0.5, 1, -2, 0.7];
        var data = Simulation.Rows(new Random(11), rows: 20_000, width: 4, truth);
        var objective = new LogisticObjective(data, l2: 1e-3);
        var weights = new double[4];

        Lbfgs.Minimize(objective.Evaluate, weights, objective.InverseCurvature(), 200, 1e-12, default);

        for (var j = 0; j < truth.Length; j++)
        {
            Assert.InRange(weights[j], truth[j] - 0.1, truth[j] + 0.1);
        }
    }
}

/// <summary>Logistic rows with a bias and Gaussian features, labels drawn from the true model.</summary>
internal static class Simulation
{
    public static SparseMatrix Rows(Random random, int rows, int width, double[] trueWeights)
    {
        var data = new SparseMatrix(width);
        var row = new SparseRow();
        for (var r = 0; r < rows; r++)
        {
            row.Clear();
            row.Add(0, 1);
            for (var j = 1; j < width; j++)
            {
                row.Add(j, random.NextDouble() * 2 - 1);
            }

            var p = LogisticObjective.Sigmoid(SparseRow.Dot(row.ColumnSpan, row.ValueSpan, trueWeights));
            data.AddRow(row, random.NextDouble() < p ? 1 : 0);
        }

        return data;
    }
}
