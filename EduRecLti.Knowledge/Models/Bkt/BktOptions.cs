namespace EduRecLti.Knowledge.Models.Bkt;

/// <summary>How a <see cref="BktModel"/> is fitted. The defaults reproduce pyBKT's standard BKT (5 restarts).</summary>
public sealed record BktOptions
{
    /// <summary>Learn P(F) too (pyBKT <c>forgets=True</c>); otherwise P(F) = 0 as in classic BKT.</summary>
    public bool Forgets { get; init; }

    /// <summary>Guess/slip per item (KT-IDEM), shrunk toward the skill's values by <see cref="ItemPriorStrength"/>.</summary>
    public bool ItemGuessSlip { get; init; }

    /// <summary>Learn/forget per item (pyBKT <c>multilearn</c>: the item just answered sets the transition), shrunk likewise.</summary>
    public bool ItemLearn { get; init; }

    /// <summary>
    /// κ, the pseudo-count of the Beta(1 + κ·p, 1 + κ·(1 − p)) prior centred on the skill value p: an item's MAP
    /// estimate is (expected count + κ·p) / (expected total + κ), so items seen a few times stay near the skill value.
    /// pyBKT's multigs is the κ = 0 case, which overfits (about 16 answers per ASSISTments problem).
    /// </summary>
    public double ItemPriorStrength { get; init; } = 20;

    /// <summary>Random restarts per skill; the fit with the best final log-likelihood wins (pyBKT <c>num_fits</c>).</summary>
    public int Restarts { get; init; } = 5;

    public int MaxIterations { get; init; } = 100;

    /// <summary>
    /// EM stops when |ΔLL| ≤ tolerance·|LL| on a skill's total log-likelihood. pyBKT's C++ E-step returns the LL
    /// truncated to an integer, so its absolute 1e-3 test means "the integer part stopped changing".
    /// </summary>
    public double RelativeTolerance { get; init; } = 1e-6;

    /// <summary>Parameters held fixed for every skill.</summary>
    public BktFixedParameters Fixed { get; init; } = BktFixedParameters.None;

    /// <summary>Per-skill fixed parameters; they replace <see cref="Fixed"/> for the listed skills.</summary>
    public IReadOnlyDictionary<int, BktFixedParameters>? FixedBySkill { get; init; }

    /// <summary>P(L) at or above which a skill counts as mastered (pyBKT Roster's 0.95).</summary>
    public double MasteryThreshold { get; init; } = 0.95;

    /// <summary>Threads for the fit (skills × restarts run independently; the result does not depend on it).</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    internal bool SeparatesItems => ItemGuessSlip || ItemLearn;

    internal BktFixedParameters FixedFor(int skill) =>
        FixedBySkill is not null && FixedBySkill.TryGetValue(skill, out var perSkill) ? perSkill : Fixed;
}
