using EduRecLti.Knowledge.Models.Logistic.Features;

namespace EduRecLti.Knowledge.Models.Logistic;

/// <summary>Feature template plus training settings of one logistic-family configuration (stored in snapshots).</summary>
public sealed record LogisticOptions
{
    public FeatureTemplate Template { get; init; } = new();

    /// <summary>L2 strength λ on the summed log-loss (λ = 1/C in scikit-learn terms; Gervet et al. used C = 1).</summary>
    public double L2 { get; init; } = 1;

    /// <summary>L-BFGS iteration cap for the convex (linear) part.</summary>
    public int MaxIterations { get; init; } = 400;

    /// <summary>Stop when one iteration lowers the objective by less than this fraction.</summary>
    public double Tolerance { get; init; } = 1e-7;

    /// <summary>Factorization rank d: 0 = plain logistic regression, &gt; 0 = KTM pairwise interactions.</summary>
    public int Rank { get; init; }

    /// <summary>SGD passes over the training rows for the factors (used only when <see cref="Rank"/> &gt; 0).</summary>
    public int Epochs { get; init; } = 8;

    public double LearningRate { get; init; } = 0.02;

    /// <summary>Per-step L2 decay on factors (and on the linear weights while they are fine-tuned).</summary>
    public double FactorL2 { get; init; } = 1e-4;

    /// <summary>Standard deviation of the initial factors (drawn from the caller's seeded Random).</summary>
    public double InitScale { get; init; } = 0.01;
}
