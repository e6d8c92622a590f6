namespace EduRecLti.Knowledge.Models.Diagnosis;

/// <summary>Hyper-parameters of <see cref="DinaModel"/>.</summary>
public sealed record DinaOptions
{
    /// <summary>
    /// DINO (disjunctive: one required skill suffices, Templin &amp; Henson 2006) instead of DINA (conjunctive: all
    /// required skills, Junker &amp; Sijtsma 2001).
    /// </summary>
    public bool Disjunctive { get; init; }

    /// <summary>Extra pseudo-successes and pseudo-failures on every slip and guess (a Beta(1+c, 1+c) prior; MAP).</summary>
    public double SlipGuessPseudoCount { get; init; } = 1;

    /// <summary>Extra pseudo-students per latent class (a Dirichlet(1+c) prior on class proportions).</summary>
    public double ClassPseudoCount { get; init; } = 0.5;

    public int MaxIterations { get; init; } = 500;

    /// <summary>Stop when the log-posterior improves by less than this.</summary>
    public double Tolerance { get; init; } = 1e-6;

    /// <summary>2^K latent classes are enumerated, so the skill count is capped.</summary>
    public int MaxSkills { get; init; } = 12;
}
