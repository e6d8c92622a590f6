using EduRecLti.Knowledge.Core;

namespace EduRecLti.Knowledge.MlNet.History;

/// <summary>
/// Target encodings of items and skills from a set of (training) students: success rates smoothed toward the level
/// above (item → its skills' mean → global) with <see cref="PriorStrength"/> pseudo-answers, and answer counts.
/// Always fitted on students other than those whose features use it (see <c>StudentGroups</c>).
/// </summary>
public sealed record PopulationRates(double Global, double[] SkillRate, int[] SkillAnswers, double[] ItemRate, int[] ItemAnswers, int[] TypicalItem)
{
    public const double PriorStrength = 5;

    public static PopulationRates Fit(IEnumerable<IReadOnlyList<Observation>> sequences, int itemCount, int skillCount)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        var itemWins = new double[itemCount];
        var itemAnswers = new int[itemCount];
        var skillWins = new double[skillCount];
        var skillAnswers = new int[skillCount];
        var itemSkills = new int[itemCount][];
        double wins = 0;
        var answers = 0;
        foreach (var observation in sequences.SelectMany(s => s))
        {
            wins += observation.Score;
            answers++;
            if (observation.Item >= 0 && observation.Item < itemCount)
            {
                itemWins[observation.Item] += observation.Score;
                itemAnswers[observation.Item]++;
                itemSkills[observation.Item] ??= observation.Skills;
            }

            foreach (var skill in observation.Skills.Where(s => s >= 0 && s < skillCount))
            {
                skillWins[skill] += observation.Score;
                skillAnswers[skill]++;
            }
        }

        var global = (wins + 1) / (answers + 2);
        var skillRate = skillWins.Select((w, s) => (w + (PriorStrength * global)) / (skillAnswers[s] + PriorStrength)).ToArray();
        var rates = new PopulationRates(global, skillRate, skillAnswers, new double[itemCount], itemAnswers, TypicalItems(itemAnswers, itemSkills, skillCount));
        for (var item = 0; item < itemCount; item++)
        {
            var prior = rates.SkillsRate(itemSkills[item] ?? []);
            rates.ItemRate[item] = (itemWins[item] + (PriorStrength * prior)) / (itemAnswers[item] + PriorStrength);
        }

        return rates;
    }

    /// <summary>Mean smoothed rate of the known skills (the global rate when none is known).</summary>
    public double SkillsRate(int[] skills)
    {
        ArgumentNullException.ThrowIfNull(skills);
        double sum = 0;
        var n = 0;
        foreach (var skill in skills)
        {
            if (skill >= 0 && skill < SkillRate.Length)
            {
                sum += SkillRate[skill];
                n++;
            }
        }

        return n == 0 ? Global : sum / n;
    }

    /// <summary>The item's smoothed rate; an item never answered by these students gets its skills' rate.</summary>
    public double RateOf(int item, int[] skills) =>
        item >= 0 && item < ItemRate.Length && ItemAnswers[item] > 0 ? ItemRate[item] : SkillsRate(skills);

    public int AnswersOf(int item) => item >= 0 && item < ItemAnswers.Length ? ItemAnswers[item] : 0;

    /// <summary>The most answered item of each skill (−1 when none): stands for "a typical item" in mastery estimates.</summary>
    private static int[] TypicalItems(int[] itemAnswers, int[]?[] itemSkills, int skillCount)
    {
        var typical = Enumerable.Repeat(-1, skillCount).ToArray();
        for (var item = 0; item < itemAnswers.Length; item++)
        {
            foreach (var skill in (itemSkills[item] ?? []).Where(s => s >= 0 && s < skillCount))
            {
                if (typical[skill] < 0 || itemAnswers[item] > itemAnswers[typical[skill]])
                {
                    typical[skill] = item;
                }
            }
        }

        return typical;
    }
}
