namespace EduRecLti.Knowledge.Models.Logistic;

/// <summary>
/// A factorization machine (Rendle 2010) over the sparse feature rows: logit = w·x + Σ_{i&lt;j} ⟨v_i, v_j⟩ x_i x_j.
/// With <see cref="Rank"/> = 0 it is exactly the logistic regression; with Rank &gt; 0 it is KTM (Vie &amp; Kashima 2019).
/// </summary>
internal sealed class FactorizationMachine
{
    public FactorizationMachine(int width, int rank)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rank);
        Rank = rank;
        Weights = new double[width];
        Factors = new double[width * rank];
    }

    public FactorizationMachine(double[] weights, double[] factors, int rank)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(factors);
        if (factors.Length != weights.Length * rank)
        {
            throw new ArgumentException("Factor matrix does not match the weight vector and rank.", nameof(factors));
        }

        Rank = rank;
        Weights = weights;
        Factors = factors;
    }

    public int Rank { get; }

    /// <summary>Linear weights; column 0 is the bias.</summary>
    public double[] Weights { get; }

    /// <summary>Row-major factor matrix V (width × rank).</summary>
    public double[] Factors { get; }

    /// <summary>The logit of one row; <paramref name="sums"/> receives Σ_i v_if x_i (length ≥ rank) for gradient steps.</summary>
    public double Logit(ReadOnlySpan<int> columns, ReadOnlySpan<double> values, Span<double> sums)
    {
        var logit = Features.SparseRow.Dot(columns, values, Weights);
        for (var f = 0; f < Rank; f++)
        {
            double sum = 0, squares = 0;
            for (var k = 0; k < columns.Length; k++)
            {
                var term = Factors[(columns[k] * Rank) + f] * values[k];
                sum += term;
                squares += term * term;
            }

            sums[f] = sum;
            logit += 0.5 * ((sum * sum) - squares);
        }

        return logit;
    }

    public double Logit(ReadOnlySpan<int> columns, ReadOnlySpan<double> values)
    {
        Span<double> sums = Rank <= 64 ? stackalloc double[Rank] : new double[Rank];
        return Logit(columns, values, sums);
    }
}
