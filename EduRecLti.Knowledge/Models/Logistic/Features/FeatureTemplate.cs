namespace EduRecLti.Knowledge.Models.Logistic.Features;

/// <summary>How history counts enter the model.</summary>
public enum CountScale
{
    /// <summary>log(1 + count): Gervet et al. 2020 found it better than raw counts for Best-LR and PFA.</summary>
    Log1p,

    /// <summary>The raw count, as in the original AFM (Cen et al. 2006) and PFA (Pavlik et al. 2009).</summary>
    Raw,
}

/// <summary>
/// Which feature groups one logistic-family model uses. Every group is computed online from the student's own
/// history, so the same template serves training (replaying each student's sequence) and live prediction.
/// </summary>
/// <remarks>
/// There is deliberately no per-student one-hot ability: test students are unseen (strong generalisation), so a
/// fitted student weight would be 0 for them. Ability enters instead through the student's running counts
/// (total wins/attempts, as in Best-LR) and recency, which exist from the first answer on.
/// </remarks>
public sealed record FeatureTemplate
{
    /// <summary>Item one-hot (item difficulty; the whole of "IRT" for new students in Gervet et al.).</summary>
    public bool Items { get; init; }

    /// <summary>Skill multi-hot over the item's Q-matrix row (skill difficulty).</summary>
    public bool Skills { get; init; }

    /// <summary>Two shared columns: prior wins and attempts on the item being answered (Best-LR "-ic").</summary>
    public bool ItemCounts { get; init; }

    /// <summary>Per-skill columns of prior wins on the skill (PFA γ, Best-LR "-sc -w").</summary>
    public bool SkillWins { get; init; }

    /// <summary>Per-skill columns of prior failures on the skill (PFA ρ).</summary>
    public bool SkillFails { get; init; }

    /// <summary>Per-skill columns of prior attempts on the skill (AFM learning rate, Best-LR "-sc -a").</summary>
    public bool SkillAttempts { get; init; }

    /// <summary>Two columns: all prior wins and attempts of the student (Best-LR "-tc"; an online ability proxy).</summary>
    public bool TotalCounts { get; init; }

    /// <summary>Scale of every count feature above.</summary>
    public CountScale Scale { get; init; } = CountScale.Log1p;

    /// <summary>
    /// Last answer overall and last answer on each of the item's skills (right/wrong indicators), plus whether the
    /// item itself was seen before; captures the short-term state that cumulative counts average away.
    /// </summary>
    public bool Recency { get; init; }

    /// <summary>One-hot of (previous skill, current skill, previous correctness): learned skill-to-skill transfer.</summary>
    public bool SkillTransitions { get; init; }

    /// <summary>
    /// DAS3H time windows (Choffin et al. 2019) in the units of <c>Observation.Timestamp</c>: per skill and window,
    /// log(1+wins) and log(1+attempts) within the window before now. Empty = off.
    /// </summary>
    public IReadOnlyList<long> TimeWindows { get; init; } = [];

    /// <summary>
    /// Half-lives (in answers on the skill) of exponentially decayed success rates per skill; recent answers weigh more,
    /// a cheap stand-in for the forgetting and momentum that sequence models learn. Empty = off.
    /// </summary>
    public IReadOnlyList<double> DecayedRates { get; init; } = [];
}
