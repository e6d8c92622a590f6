namespace EduRecLti.Knowledge.Models.Grades;

/// <summary>
/// A small dense symmetric positive-definite matrix (lower triangle stored) with a Cholesky solve: the blocks here
/// have a handful of parameters, so a hand-written factorisation avoids allocating MathNet matrices per student.
/// </summary>
internal sealed class SymmetricMatrix
{
    private readonly double[] _lower;

    public SymmetricMatrix(int size)
    {
        Size = size;
        _lower = new double[size * (size + 1) / 2];
    }

    public int Size { get; }

    public double this[int row, int column]
    {
        get => _lower[Index(row, column)];
        set => _lower[Index(row, column)] = value;
    }

    public void Clear() => Array.Clear(_lower);

    /// <summary>Solves A x = b.</summary>
    public double[] Solve(double[] b) => Solve(Cholesky(), b);

    /// <summary>Diagonal of A⁻¹: the Laplace posterior variances of the individual parameters.</summary>
    public double[] InverseDiagonal()
    {
        var l = Cholesky();
        var diagonal = new double[Size];
        var unit = new double[Size];
        for (var i = 0; i < Size; i++)
        {
            unit[i] = 1;
            diagonal[i] = Solve(l, unit)[i];
            unit[i] = 0;
        }

        return diagonal;
    }

    /// <summary>vᵀ A⁻¹ v: the Laplace variance of a linear combination of the parameters.</summary>
    public double InverseQuadraticForm(double[] v)
    {
        var x = Solve(v);
        var sum = 0.0;
        for (var i = 0; i < Size; i++)
        {
            sum += v[i] * x[i];
        }

        return sum;
    }

    private double[] Solve(double[] l, double[] b)
    {
        var x = (double[])b.Clone();
        for (var i = 0; i < Size; i++)
        {
            var sum = x[i];
            for (var k = 0; k < i; k++)
            {
                sum -= l[Index(i, k)] * x[k];
            }

            x[i] = sum / l[Index(i, i)];
        }

        for (var i = Size - 1; i >= 0; i--)
        {
            var sum = x[i];
            for (var k = i + 1; k < Size; k++)
            {
                sum -= l[Index(k, i)] * x[k];
            }

            x[i] = sum / l[Index(i, i)];
        }

        return x;
    }

    private double[] Cholesky()
    {
        var l = new double[_lower.Length];
        for (var i = 0; i < Size; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var sum = _lower[Index(i, j)];
                for (var k = 0; k < j; k++)
                {
                    sum -= l[Index(i, k)] * l[Index(j, k)];
                }

                // A tiny floor keeps the factorisation defined when rounding makes a pivot non-positive.
                l[Index(i, j)] = i == j ? Math.Sqrt(Math.Max(sum, 1e-12)) : sum / l[Index(j, j)];
            }
        }

        return l;
    }

    private static int Index(int row, int column) =>
        row >= column ? (row * (row + 1) / 2) + column : (column * (column + 1) / 2) + row;
}
