using EduRecLti.Knowledge.Models.Logistic;
using EduRecLti.Knowledge.Models.Logistic.Training;
using EduRecLti.Knowledge.Tests.Models.Logistic.Training;

namespace EduRecLti.Knowledge.Tests.Models.Logistic;

public sealed class FactorizationMachineTests
{
    [Fact]
    public void Logit_RankTwo_EqualsExplicitPairwiseSum()
    {
        double[] weights = [0.1, -0.2, 0.3];
        double[] factors = [0.5, -1, 2, 0.25, -0.5, 1.5];
        var machine = new FactorizationMachine(weights, factors, rank: 2);
        int[] columns = [0, 1, 2];
        double[] values = [1, 2, -1];

        var expected = 0.1 - 0.4 - 0.3;
        for (var i = 0; i < 3; i++)
        {
            for (var j = i + 1; j < 3; j++)
            {
                var dot = (factors[2 * i] * factors[2 * j]) + (factors[(2 * i) + 1] * factors[(2 * j) + 1]);
                expected += dot * values[i] * values[j];
            }
        }

        Assert.Equal(expected, machine.Logit(columns, values), 12);
    }

    [Fact]
    public void Train_RankZero_IsExactlyTheLogisticRegression()
    {
        var data = Simulation.Rows(new Random(3), rows: 2_000, width: 4, trueWeights: [0.2, 1, -1, 0.5]);
        var options = new LogisticOptions { L2 = 0.5 };
        var objective = new LogisticObjective(data, options.L2);
        var regression = new double[4];
        Lbfgs.Minimize(objective.Evaluate, regression, objective.InverseCurvature(), options.MaxIterations, options.Tolerance, default);

        var machine = FactorizationTrainer.Train(data, options, new Random(5), default);

        Assert.Equal(regression, machine.Weights);
        Assert.Empty(machine.Factors);
    }

    [Fact]
    public void Train_PositiveRank_LearnsAnInteractionTheRegressionCannot()
    {
        // Label = x1 XOR x2 (as ±1 indicators): no linear model beats chance, a rank-1 FM models x1·x2.
        var random = new Random(9);
        var data = new SparseMatrix(3);
        var row = new EduRecLti.Knowledge.Models.Logistic.Features.SparseRow();
        for (var r = 0; r < 4_000; r++)
        {
            var a = random.Next(2) * 2 - 1;
            var b = random.Next(2) * 2 - 1;
            row.Clear();
            row.Add(0, 1);
            row.Add(1, a);
            row.Add(2, b);
            data.AddRow(row, random.NextDouble() < LogisticObjective.Sigmoid(3 * a * b) ? 1 : 0);
        }

        var linear = FactorizationTrainer.Train(data, new LogisticOptions(), new Random(1), default);
        var factorized = FactorizationTrainer.Train(data, new LogisticOptions { Rank = 1, InitScale = 0.1, Epochs = 10 }, new Random(1), default);

        Assert.True(MeanLoss(factorized, data) < MeanLoss(linear, data) - 0.2);
    }

    private static double MeanLoss(FactorizationMachine machine, SparseMatrix data) =>
        Enumerable.Range(0, data.RowCount)
            .Average(r => LogisticObjective.LossAndProbability(machine.Logit(data.Columns(r), data.Values(r)), data.Label(r)).Loss);
}
