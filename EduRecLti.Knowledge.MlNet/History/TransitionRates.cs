using EduRecLti.Knowledge.Core;

namespace EduRecLti.Knowledge.MlNet.History;

/// <summary>
/// Success rate on a skill right after an answer on another (or the same) skill, by whether that answer was right:
/// the target-encoded form of lr-best's skill-pair features (docs/models.md §3.3), smoothed toward the skill's rate
/// with <see cref="PriorStrength"/> pseudo-answers. Keys are (previous first skill, its correctness, first skill).
/// </summary>
public sealed record TransitionRates(Dictionary<long, double> Rate)
{
    public const double PriorStrength = 10;

    public static TransitionRates Fit(IEnumerable<IReadOnlyList<Observation>> sequences, PopulationRates rates)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        ArgumentNullException.ThrowIfNull(rates);
        var sums = new Dictionary<long, (double Wins, int Count)>();
        foreach (var sequence in sequences)
        {
            for (var t = 1; t < sequence.Count; t++)
            {
                if (Key(sequence[t - 1].Skills, sequence[t - 1].Correct, sequence[t].Skills) is { } key)
                {
                    var (wins, count) = sums.GetValueOrDefault(key);
                    sums[key] = (wins + sequence[t].Score, count + 1);
                }
            }
        }

        return new TransitionRates(sums.ToDictionary(
            e => e.Key,
            e => (e.Value.Wins + (PriorStrength * rates.SkillsRate([(int)(e.Key % SkillSpace)]))) / (e.Value.Count + PriorStrength)));
    }

    /// <summary>The smoothed rate after <paramref name="previousSkills"/>; null when the pair was never seen or there is no previous answer.</summary>
    public double? Of(int[] previousSkills, bool previousCorrect, int[] skills) =>
        Key(previousSkills, previousCorrect, skills) is { } key && Rate.TryGetValue(key, out var rate) ? rate : null;

    private const long SkillSpace = 1 << 20;

    private static long? Key(int[] previousSkills, bool previousCorrect, int[] skills) =>
        previousSkills.Length == 0 || skills.Length == 0 || previousSkills[0] < 0 || skills[0] < 0
            ? null
            : (((previousSkills[0] * 2L) + (previousCorrect ? 1 : 0)) * SkillSpace) + skills[0];
}
