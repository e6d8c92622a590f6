namespace EduRecLti.Knowledge.Models.Logistic.Training;

/// <summary>
/// Σ cross-entropy(σ(w·x), y) + λ/2 ‖w‖² (bias column 0 unpenalised) — the scikit-learn convention with λ = 1/C,
/// which is what Gervet et al. fitted. Rows are summed in fixed blocks and the blocks added in order, so the value
/// is bit-identical whatever the thread scheduling.
/// </summary>
internal sealed class LogisticObjective
{
    private const int BlockCount = 16;
    private readonly SparseMatrix _data;
    private readonly double _l2;
    private readonly double[][] _blockGradients;

    public LogisticObjective(SparseMatrix data, double l2)
    {
        _data = data ?? throw new ArgumentNullException(nameof(data));
        _l2 = l2;
        _blockGradients = Enumerable.Range(0, BlockCount).Select(_ => new double[data.Width]).ToArray();
    }

    public int Dimension => _data.Width;

    /// <summary>Returns the objective at <paramref name="weights"/> and writes its gradient.</summary>
    public double Evaluate(double[] weights, double[] gradient)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(gradient);
        var blockLoss = new double[BlockCount];
        var rowsPerBlock = (_data.RowCount + BlockCount - 1) / BlockCount;
        Parallel.For(0, BlockCount, block =>
        {
            var g = _blockGradients[block];
            Array.Clear(g);
            var end = Math.Min(_data.RowCount, (block + 1) * rowsPerBlock);
            var loss = 0.0;
            for (var row = block * rowsPerBlock; row < end; row++)
            {
                var z = _data.Dot(row, weights);
                var y = _data.Label(row);
                var (rowLoss, p) = LossAndProbability(z, y);
                loss += rowLoss;
                var residual = p - y;
                var columns = _data.Columns(row);
                var values = _data.Values(row);
                for (var k = 0; k < columns.Length; k++)
                {
                    g[columns[k]] += residual * values[k];
                }
            }

            blockLoss[block] = loss;
        });

        Array.Clear(gradient);
        var total = 0.0;
        for (var block = 0; block < BlockCount; block++)
        {
            total += blockLoss[block];
            var g = _blockGradients[block];
            for (var j = 0; j < gradient.Length; j++)
            {
                gradient[j] += g[j];
            }
        }

        for (var j = 1; j < weights.Length; j++)
        {
            total += 0.5 * _l2 * weights[j] * weights[j];
            gradient[j] += _l2 * weights[j];
        }

        return total;
    }

    /// <summary>1 / (diagonal of the Hessian at σ = ½): the preconditioner handed to <see cref="Lbfgs"/>.</summary>
    public double[] InverseCurvature()
    {
        var diagonal = new double[Dimension];
        for (var row = 0; row < _data.RowCount; row++)
        {
            var columns = _data.Columns(row);
            var values = _data.Values(row);
            for (var k = 0; k < columns.Length; k++)
            {
                diagonal[columns[k]] += 0.25 * values[k] * values[k];
            }
        }

        return diagonal.Select((d, j) => 1 / (d + (j == 0 ? 0 : _l2) + 1e-9)).ToArray();
    }

    /// <summary>
    /// Cross-entropy −y log σ(z) − (1−y) log(1−σ(z)) = max(z,0) + log(1+e^−|z|) − y z, and σ(z), from one exponential.
    /// </summary>
    public static (double Loss, double Probability) LossAndProbability(double z, double y)
    {
        var e = Math.Exp(-Math.Abs(z));
        var loss = Math.Max(z, 0) + Math.Log(1 + e) - (y * z);
        return (loss, z >= 0 ? 1 / (1 + e) : e / (1 + e));
    }

    public static double Sigmoid(double z) => z >= 0 ? 1 / (1 + Math.Exp(-z)) : Math.Exp(z) / (1 + Math.Exp(z));
}
