namespace EduRecLti.Knowledge.Models.Logistic.Training;

/// <summary>
/// Fits a factorization machine in two stages: the linear part by L-BFGS (the convex logistic regression, so
/// Rank = 0 gives exactly the LR solution), then factors and linear weights together by SGD on the log-loss
/// (Rendle 2012, "Factorization Machines with libFM", §3.1), visiting rows in an order drawn from the seeded Random.
/// </summary>
internal static class FactorizationTrainer
{
    public static FactorizationMachine Train(SparseMatrix data, LogisticOptions options, Random random, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(random);
        var machine = new FactorizationMachine(data.Width, options.Rank);
        var objective = new LogisticObjective(data, options.L2);
        Lbfgs.Minimize(objective.Evaluate, machine.Weights, objective.InverseCurvature(), options.MaxIterations, options.Tolerance, cancellationToken);
        if (options.Rank == 0)
        {
            return machine;
        }

        for (var j = 0; j < machine.Factors.Length; j++)
        {
            machine.Factors[j] = options.InitScale * Gaussian(random);
        }

        var order = Enumerable.Range(0, data.RowCount).ToArray();
        var sums = new double[options.Rank];
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            random.Shuffle(order);
            var rate = options.LearningRate / (1 + epoch);
            foreach (var row in order)
            {
                Step(machine, data, row, rate, options.FactorL2, sums);
            }
        }

        return machine;
    }

    private static void Step(FactorizationMachine machine, SparseMatrix data, int row, double rate, double decay, double[] sums)
    {
        var columns = data.Columns(row);
        var values = data.Values(row);
        var residual = LogisticObjective.Sigmoid(machine.Logit(columns, values, sums)) - data.Label(row);
        var rank = machine.Rank;
        for (var k = 0; k < columns.Length; k++)
        {
            var column = columns[k];
            var x = values[k];
            machine.Weights[column] -= rate * ((residual * x) + (column == 0 ? 0 : decay * machine.Weights[column]));
            var offset = column * rank;
            for (var f = 0; f < rank; f++)
            {
                var v = machine.Factors[offset + f];
                machine.Factors[offset + f] = v - (rate * ((residual * x * (sums[f] - (v * x))) + (decay * v)));
            }
        }
    }

    /// <summary>Box–Muller standard normal from the caller's seeded generator.</summary>
    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
