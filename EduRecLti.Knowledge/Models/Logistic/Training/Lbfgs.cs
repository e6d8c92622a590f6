namespace EduRecLti.Knowledge.Models.Logistic.Training;

/// <summary>
/// Limited-memory BFGS (Nocedal &amp; Wright 2006, Alg. 7.4/7.5) with a backtracking Armijo line search.
/// Deterministic; small enough to audit, and the objective is convex so a simple line search suffices.
/// </summary>
/// <remarks>
/// The initial inverse Hessian is a diagonal preconditioner (Nocedal &amp; Wright eq. 7.20 with a diagonal in place of
/// γI): rare item columns have a curvature thousands of times smaller than count columns, and plain γI needs
/// around a thousand iterations to equilibrate them, the diagonal around a hundred.
/// </remarks>
internal static class Lbfgs
{
    private const int Memory = 10;
    private const double Armijo = 1e-4;

    /// <summary>Minimises <paramref name="objective"/> starting from (and overwriting) <paramref name="weights"/>.</summary>
    /// <returns>The number of iterations run.</returns>
    public static int Minimize(
        Func<double[], double[], double> objective,
        double[] weights,
        double[] inverseCurvature,
        int maxIterations,
        double relativeTolerance,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(inverseCurvature);
        var n = weights.Length;
        var gradient = new double[n];
        var value = objective(weights, gradient);
        var s = new List<double[]>();
        var y = new List<double[]>();
        var direction = new double[n];
        var trial = new double[n];
        var trialGradient = new double[n];
        var iteration = 0;
        while (iteration < maxIterations)
        {
            cancellationToken.ThrowIfCancellationRequested();
            TwoLoop(gradient, inverseCurvature, s, y, direction);
            var slope = Dot(direction, gradient);
            if (slope >= 0)
            {
                // Curvature pairs went stale: restart from steepest descent.
                s.Clear();
                y.Clear();
                TwoLoop(gradient, inverseCurvature, s, y, direction);
                slope = Dot(direction, gradient);
            }

            var step = 1.0;
            double trialValue;
            var tries = 0;
            while (true)
            {
                for (var j = 0; j < n; j++)
                {
                    trial[j] = weights[j] + (step * direction[j]);
                }

                trialValue = objective(trial, trialGradient);
                if (trialValue <= value + (Armijo * step * slope) || ++tries > 30)
                {
                    break;
                }

                step *= 0.5;
            }

            iteration++;
            if (trialValue > value)
            {
                break;
            }

            var sk = new double[n];
            var yk = new double[n];
            for (var j = 0; j < n; j++)
            {
                sk[j] = trial[j] - weights[j];
                yk[j] = trialGradient[j] - gradient[j];
            }

            if (Dot(sk, yk) > 1e-12)
            {
                s.Add(sk);
                y.Add(yk);
                if (s.Count > Memory)
                {
                    s.RemoveAt(0);
                    y.RemoveAt(0);
                }
            }

            var decrease = value - trialValue;
            Array.Copy(trial, weights, n);
            Array.Copy(trialGradient, gradient, n);
            value = trialValue;
            if (decrease <= relativeTolerance * Math.Max(1, Math.Abs(value)))
            {
                break;
            }
        }

        return iteration;
    }

    private static void TwoLoop(double[] gradient, double[] diagonal, List<double[]> s, List<double[]> y, double[] direction)
    {
        var n = gradient.Length;
        for (var j = 0; j < n; j++)
        {
            direction[j] = -gradient[j];
        }

        var alpha = new double[s.Count];
        for (var i = s.Count - 1; i >= 0; i--)
        {
            alpha[i] = Dot(s[i], direction) / Dot(y[i], s[i]);
            Axpy(-alpha[i], y[i], direction);
        }

        var gamma = 1.0;
        if (s.Count > 0)
        {
            var last = s.Count - 1;
            var yDy = 0.0;
            for (var j = 0; j < n; j++)
            {
                yDy += y[last][j] * diagonal[j] * y[last][j];
            }

            gamma = Dot(s[last], y[last]) / yDy;
        }

        for (var j = 0; j < n; j++)
        {
            direction[j] *= gamma * diagonal[j];
        }

        for (var i = 0; i < s.Count; i++)
        {
            var beta = Dot(y[i], direction) / Dot(y[i], s[i]);
            Axpy(alpha[i] - beta, s[i], direction);
        }
    }

    private static double Dot(double[] a, double[] b)
    {
        var sum = 0.0;
        for (var j = 0; j < a.Length; j++)
        {
            sum += a[j] * b[j];
        }

        return sum;
    }

    private static void Axpy(double a, double[] x, double[] target)
    {
        for (var j = 0; j < x.Length; j++)
        {
            target[j] += a * x[j];
        }
    }
}
