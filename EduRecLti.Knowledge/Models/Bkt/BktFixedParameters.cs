namespace EduRecLti.Knowledge.Models.Bkt;

/// <summary>
/// Parameters held at a given value during EM (pyBKT's <c>fixed</c>): a null member is free. A fixed step
/// parameter is fixed for every item of the skill too, so per-item variants cannot move it.
/// </summary>
public sealed record BktFixedParameters(
    double? Prior = null,
    double? Learn = null,
    double? Forget = null,
    double? Guess = null,
    double? Slip = null)
{
    public static BktFixedParameters None { get; } = new();

    /// <summary>Overrides the free members of <paramref name="value"/> with the fixed ones.</summary>
    public BktStepParameters Apply(BktStepParameters value) => new(
        Learn ?? value.Learn,
        Forget ?? value.Forget,
        Guess ?? value.Guess,
        Slip ?? value.Slip);

    public double ApplyPrior(double prior) => Prior ?? prior;
}
