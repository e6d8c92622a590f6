using System.Numerics;

namespace EduRecLti.Knowledge.Models.Grades;

/// <summary>
/// A small dense symmetric positive-definite matrix (lower triangle stored) with a Cholesky solve: the blocks here
/// have a handful of parameters, so a hand-written factorisation avoids allocating MathNet matrices per student.
/// </summary>
internal sealed class SymmetricMatrix
{
    private readonly double[] _lower;

    /// <summary>The Cholesky factor of the current values, kept until a value changes: predictions solve against it repeatedly.</summary>
    private double[]? _factor;

    public SymmetricMatrix(int size)
    {
        Size = size;
        _lower = new double[size * (size + 1) / 2];
    }

    public int Size { get; }

    public double this[int row, int column]
    {
        get => _lower[Index(row, column)];
        set
        {
            _lower[Index(row, column)] = value;
            _factor = null;
        }
    }

    public void Clear()
    {
        Array.Clear(_lower);
        _factor = null;
    }

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
        // Forward: L y = b, row i of L is contiguous at RowStart(i).
        for (var i = 0; i < Size; i++)
        {
            var row = RowStart(i);
            x[i] = (x[i] - Dot(l.AsSpan(row, i), x.AsSpan(0, i))) / l[row + i];
        }

        // Backward: Lᵀ x = y, column i of Lᵀ is row i of L.
        for (var i = Size - 1; i >= 0; i--)
        {
            var sum = x[i] /= l[RowStart(i) + i];
            for (var k = 0; k < i; k++)
            {
                x[k] -= l[RowStart(i) + k] * sum;
            }
        }

        return x;
    }

    private double[] Cholesky() => _factor ??= Factorise();

    private double[] Factorise()
    {
        var l = new double[_lower.Length];
        for (var i = 0; i < Size; i++)
        {
            var rowI = RowStart(i);
            for (var j = 0; j <= i; j++)
            {
                var rowJ = RowStart(j);
                var sum = _lower[rowI + j] - Dot(l.AsSpan(rowI, j), l.AsSpan(rowJ, j));

                // A tiny floor keeps the factorisation defined when rounding makes a pivot non-positive.
                l[rowI + j] = i == j ? Math.Sqrt(Math.Max(sum, 1e-12)) : sum / l[rowJ + j];
            }
        }

        return l;
    }

    private static int RowStart(int row) => row * (row + 1) / 2;

    /// <summary>Σ aₖbₖ, vectorised: the inner loop of the factorisation, which dominates a student's refit.</summary>
    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var sum = 0.0;
        var k = 0;
        if (Vector.IsHardwareAccelerated && a.Length >= 2 * Vector<double>.Count)
        {
            var acc = Vector<double>.Zero;
            for (; k <= a.Length - Vector<double>.Count; k += Vector<double>.Count)
            {
                acc += new Vector<double>(a[k..]) * new Vector<double>(b[k..]);
            }

            sum = Vector.Sum(acc);
        }

        for (; k < a.Length; k++)
        {
            sum += a[k] * b[k];
        }

        return sum;
    }

    private static int Index(int row, int column) =>
        row >= column ? RowStart(row) + column : RowStart(column) + row;
}
