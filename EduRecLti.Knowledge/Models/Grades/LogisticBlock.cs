namespace EduRecLti.Knowledge.Models.Grades;

/// <summary>
/// MAP fit of one small block of parameters of a binomial-logit model with a Gaussian prior, holding everything
/// else fixed: the building block of the alternating fit and of fold-in. Newton-Raphson on a concave objective,
/// with step halving so the log-posterior never decreases.
/// </summary>
internal sealed class LogisticBlock
{
    private readonly List<Cell> _cells = [];

    public LogisticBlock(int size)
    {
        Size = size;
        Weights = new double[size];
        PriorMean = new double[size];
        PriorPrecision = new double[size];
    }

    public int Size { get; }

    public int CellCount => _cells.Count;

    public double[] Weights { get; }

    public double[] PriorMean { get; }

    public double[] PriorPrecision { get; }

    /// <summary>Adds <paramref name="successes"/> out of <paramref name="trials"/> with linear predictor offset + x·w.</summary>
    public void AddCell(double[] x, double offset, double trials, double successes)
    {
        ArgumentNullException.ThrowIfNull(x);
        var nonzeros = 0;
        foreach (var value in x)
        {
            nonzeros += value != 0 ? 1 : 0;
        }

        var indices = new int[nonzeros];
        var values = new double[nonzeros];
        for (int i = 0, n = 0; i < x.Length; i++)
        {
            if (x[i] != 0)
            {
                indices[n] = i;
                values[n++] = x[i];
            }
        }

        AddCell(indices, values, offset, trials, successes);
    }

    /// <summary>
    /// The same with x given by its nonzero entries (each index once). Kept sparse: a cell touches the bias, one or two
    /// skills and the factors, so the fold-in after each new answer costs O(cells · nonzeros²) rather than O(cells · size²).
    /// </summary>
    public void AddCell(int[] indices, double[] values, double offset, double trials, double successes) =>
        _cells.Add(new Cell(indices, values, offset, trials, successes));

    /// <summary>Replaces a cell's counts (a pooled score that received another answer); its design row stays.</summary>
    public void SetCellCounts(int cell, double trials, double successes) =>
        _cells[cell] = _cells[cell] with { Trials = trials, Successes = successes };

    /// <summary>Log-posterior (up to a constant) at <paramref name="w"/>.</summary>
    public double Objective(double[] w)
    {
        var total = 0.0;
        foreach (var cell in _cells)
        {
            var eta = cell.Offset + cell.Dot(w);
            total += (cell.Successes * eta) - (cell.Trials * Logistic.Log1PExp(eta));
        }

        for (var i = 0; i < Size; i++)
        {
            var d = w[i] - PriorMean[i];
            total -= 0.5 * PriorPrecision[i] * d * d;
        }

        return total;
    }

    /// <summary>Runs Newton steps from the current weights; returns the negative Hessian (posterior precision) at the end.</summary>
    /// <param name="curvatureAtEnd">
    /// True: the returned precision is re-evaluated at the final weights. False: it is the one the last Newton step
    /// started from, already factorised, which saves a factorisation; after a warm start the last step is small, so
    /// the two barely differ. The online update uses false, the fit true.
    /// </param>
    public SymmetricMatrix Fit(int maxSteps, double tolerance, bool curvatureAtEnd = true)
    {
        var precision = new SymmetricMatrix(Size);
        var gradient = new double[Size];
        var trial = new double[Size];
        var current = Objective(Weights);
        for (var step = 0; step < maxSteps; step++)
        {
            Curvature(gradient, precision);
            var direction = precision.Solve(gradient);
            var scale = 1.0;
            var improved = false;
            for (var halving = 0; halving < 20; halving++)
            {
                for (var i = 0; i < Size; i++)
                {
                    trial[i] = Weights[i] + (scale * direction[i]);
                }

                var candidate = Objective(trial);
                if (candidate >= current - 1e-12)
                {
                    Array.Copy(trial, Weights, Size);
                    improved = candidate - current > tolerance;
                    current = candidate;
                    break;
                }

                scale *= 0.5;
            }

            if (!improved)
            {
                break;
            }
        }

        if (curvatureAtEnd || maxSteps == 0)
        {
            Curvature(gradient, precision);
        }

        return precision;
    }

    /// <summary>Gradient of <see cref="Objective"/> at the current weights.</summary>
    public double[] Gradient()
    {
        var gradient = new double[Size];
        Curvature(gradient, new SymmetricMatrix(Size));
        return gradient;
    }

    private void Curvature(double[] gradient, SymmetricMatrix precision)
    {
        precision.Clear();
        for (var i = 0; i < Size; i++)
        {
            gradient[i] = -PriorPrecision[i] * (Weights[i] - PriorMean[i]);
            precision[i, i] = PriorPrecision[i];
        }

        foreach (var cell in _cells)
        {
            var p = Logistic.Sigmoid(cell.Offset + cell.Dot(Weights));
            var residual = cell.Successes - (cell.Trials * p);
            var weight = cell.Trials * p * (1 - p);
            for (var a = 0; a < cell.Indices.Length; a++)
            {
                var i = cell.Indices[a];
                var xi = cell.Values[a];
                gradient[i] += residual * xi;
                // Each unordered pair once; the symmetric matrix stores it whichever way round it comes.
                for (var b = 0; b <= a; b++)
                {
                    precision[i, cell.Indices[b]] += weight * xi * cell.Values[b];
                }
            }
        }
    }

    /// <summary>A cell's design row as its nonzero entries.</summary>
    private readonly record struct Cell(int[] Indices, double[] Values, double Offset, double Trials, double Successes)
    {
        public double Dot(double[] w)
        {
            var sum = 0.0;
            for (var a = 0; a < Indices.Length; a++)
            {
                sum += Values[a] * w[Indices[a]];
            }

            return sum;
        }
    }
}
