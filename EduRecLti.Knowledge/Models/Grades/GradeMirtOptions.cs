namespace EduRecLti.Knowledge.Models.Grades;

/// <summary>
/// Hyper-parameters of <see cref="GradeMirtModel"/>. Precisions are Gaussian prior precisions (1/variance) on the
/// logit scale; the student-level ones are only starting values when <see cref="EstimatePriors"/> is on.
/// </summary>
public sealed record GradeMirtOptions
{
    /// <summary>Latent factors beyond the Q-matrix (0 = pure compensatory MIRT with a Q-matrix).</summary>
    public int Factors { get; init; }

    public double StudentBiasPrecision { get; init; } = 1.0;

    public double SkillPrecision { get; init; } = 2.0;

    public double FactorPrecision { get; init; } = 2.0;

    public double AssessmentPrecision { get; init; } = 0.5;

    /// <summary>
    /// Re-estimate the student prior variances from the training population after each sweep (Laplace empirical Bayes:
    /// variance = mean of posterior mean² + posterior variance), so fold-in uses population priors.
    /// </summary>
    public bool EstimatePriors { get; init; } = true;

    /// <summary>
    /// Treat every skill as one assessment and count each answer toward each of its skills (the student × skill grade
    /// matrix of shared/data/assist2009-grades), instead of one assessment per item. Right for item-level practice data
    /// with thousands of rarely repeated items; off for LMS assignments, which are the assessments themselves.
    /// </summary>
    public bool PoolBySkill { get; init; }

    public int MaxSweeps { get; init; } = 40;

    /// <summary>Stop when no assessment parameter moves more than this between sweeps.</summary>
    public double Tolerance { get; init; } = 1e-4;

    /// <summary>Newton steps per block (fit and fold-in).</summary>
    public int NewtonSteps { get; init; } = 8;

    /// <summary>
    /// Newton steps of the online update: after new answers of a student whose parameters were already fitted, the
    /// refit starts at the previous optimum, which one or two steps of a concave problem reach to within rounding.
    /// </summary>
    public int OnlineNewtonSteps { get; init; } = 2;

    /// <summary>
    /// The online update stops after a Newton step that raised the log-posterior by no more than this. Newton converges
    /// quadratically, so the gap left after such a step is of the order of its square; most updates (one more answer on
    /// a skill already seen) then cost a single step, and a large move (a new skill) still gets the second.
    /// </summary>
    public double OnlineTolerance { get; init; } = 1e-4;

    /// <summary>
    /// Share of an assessment's earlier evidence forgotten at each new attempt on it (exponential forgetting,
    /// cf. the recency features of Gervet et al. 2020): 0 pools every attempt equally; larger values track learning
    /// within an assessment.
    /// </summary>
    public double Forgetting { get; init; }

    /// <summary>
    /// Predict with the posterior predictive (logit-normal approximated by σ(μ/√(1+πσ²/8)), MacKay 1992) instead of
    /// the plug-in MAP estimate; shrinks predictions for students with little evidence.
    /// </summary>
    public bool PosteriorPredictive { get; init; } = true;
}
