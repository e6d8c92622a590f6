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
    /// <summary>P(correct) given P(known) before the answer.</summary>
    public double PredictCorrect(double known) => (known * (1 - Slip)) + ((1 - known) * Guess);

    /// <summary>Bayes' rule for the latent state after seeing one answer (before the transition).</summary>
    public double Posterior(double known, bool correct)
    {
        var likelihoodKnown = correct ? 1 - Slip : Slip;
        var likelihoodUnknown = correct ? Guess : 1 - Guess;
        var evidence = (known * likelihoodKnown) + ((1 - known) * likelihoodUnknown);
        return evidence > 0 ? known * likelihoodKnown / evidence : known;
    }

    /// <summary>The HMM transition: P(known) at the next step from P(known) after this one.</summary>
    public double Transition(double known) => (known * (1 - Forget)) + ((1 - known) * Learn);
}
