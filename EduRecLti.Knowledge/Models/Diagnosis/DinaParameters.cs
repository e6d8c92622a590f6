namespace EduRecLti.Knowledge.Models.Diagnosis;

/// <summary>Fitted DINA/DINO parameters: what a snapshot stores.</summary>
internal sealed class DinaParameters
{
    public required DinaOptions Options { get; init; }

    public required int SkillCount { get; init; }

    /// <summary>The Q-matrix: skills required by each item.</summary>
    public required int[][] ItemSkills { get; init; }

    public required double[] Slip { get; init; }

    public required double[] Guess { get; init; }

    /// <summary>Log-proportion of each latent class; bit k of the class index = skill k mastered.</summary>
    public required double[] ClassLogPrior { get; init; }

    public int ClassCount => ClassLogPrior.Length;

    /// <summary>Bit mask of the skills an item needs; unknown items use the skills given with the observation.</summary>
    public int SkillMask(int item, int[] skills)
    {
        var required = item >= 0 && item < ItemSkills.Length && ItemSkills[item].Length > 0 ? ItemSkills[item] : skills;
        return required.Where(k => k >= 0 && k < SkillCount).Aggregate(0, (mask, k) => mask | (1 << k));
    }

    /// <summary>The ideal response η: does class <paramref name="latentClass"/> have what the item needs.</summary>
    public bool Capable(int latentClass, int mask) =>
        mask == 0 || (Options.Disjunctive ? (latentClass & mask) != 0 : (latentClass & mask) == mask);

    /// <summary>P(correct | capable) = 1 − slip, P(correct | not capable) = guess; unknown items take the mean slip/guess.</summary>
    public (double Capable, double NotCapable) CorrectProbabilities(int item) =>
        item >= 0 && item < Slip.Length
            ? (1 - Slip[item], Guess[item])
            : (1 - Slip.Average(), Guess.Average());
}
