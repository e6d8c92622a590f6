namespace EduRecLti.Knowledge.Models.Bkt;

/// <summary>
/// The per-step BKT probabilities (Corbett &amp; Anderson 1995): the emission pair guess/slip of the answer and the
/// transition pair learn/forget applied after it. Skill-level values and per-item values share this shape.
/// </summary>
/// <param name="Learn">P(T): unknown → known after the step.</param>
/// <param name="Forget">P(F): known → unknown after the step (0 in classic BKT).</param>
/// <param name="Guess">P(G): correct answer while the skill is unknown.</param>
/// <param name="Slip">P(S): wrong answer while the skill is known.</param>
public readonly record struct BktStepParameters(double Learn, double Forget, double Guess, double Slip)
{
    /// <summary>P(correct) given the belief before the answer.</summary>
    public double PredictCorrect(BktBelief belief) => (belief.Known * (1 - Slip)) + (belief.Unknown * Guess);

    /// <summary>
    /// Bayes' rule for the latent state after seeing one answer (before the transition); <paramref name="evidence"/>
    /// is P(answer | belief), the answer's likelihood.
    /// </summary>
    public BktBelief Posterior(BktBelief belief, bool correct, out double evidence)
    {
        var joinedKnown = belief.Known * (correct ? 1 - Slip : Slip);
        var joinedUnknown = belief.Unknown * (correct ? Guess : 1 - Guess);
        evidence = joinedKnown + joinedUnknown;
        return evidence > 0 ? new BktBelief(joinedUnknown / evidence, joinedKnown / evidence) : belief;
    }

    /// <summary>The HMM transition: the belief at the next step from the belief after this one.</summary>
    public BktBelief Transition(BktBelief belief) => new(
        (belief.Unknown * (1 - Learn)) + (belief.Known * Forget),
        (belief.Unknown * Learn) + (belief.Known * (1 - Forget)));
}

/// <summary>
/// The two-state belief [P(unknown), P(known)] with both numbers kept, as pyBKT's E-step and prediction carry them.
/// Writing P(unknown) as 1 − P(known) loses it to rounding once it falls below about 1e-16: P(known) becomes exactly
/// 1 and, without forgetting, no later wrong answer can lower it. After a long run of right answers (skill builders
/// have runs of hundreds) the model then ignores every mistake. Kept apart, P(unknown) can shrink to 1e-20 and still
/// come back (docs/models.md §6: plain BKT on S5 went from 0.735 to pyBKT's 0.759 with this alone).
/// </summary>
public readonly record struct BktBelief(double Unknown, double Known)
{
    public static BktBelief FromPrior(double prior) => new(1 - prior, prior);
}
