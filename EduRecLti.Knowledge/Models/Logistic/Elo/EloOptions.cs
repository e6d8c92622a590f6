namespace EduRecLti.Knowledge.Models.Logistic.Elo;

/// <summary>
/// Step sizes of the Elo rating system for learners (Pelánek 2016, "Applications of the Elo rating system in adaptive
/// educational systems", eq. 3): K(n) = <see cref="Scale"/> / (1 + <see cref="Decay"/> · n) after n updates, so
/// early answers move a rating a lot and later ones little.
/// </summary>
public sealed record EloOptions
{
    public double Scale { get; init; } = 1;

    public double Decay { get; init; } = 0.05;

    public double StepSize(int updates) => Scale / (1 + (Decay * updates));
}
