using EduRecLti.Knowledge.Core;
using EduRecLti.Knowledge.MlNet.History;

namespace EduRecLti.Knowledge.MlNet.Items;

/// <summary>
/// The online features of "will this student answer this item right", computed from the student's history so far and
/// population target encodings (logits of smoothed rates). Unknown values (a skill never seen) are NaN, which LightGBM
/// routes down its learnt missing-value branch. The names are the explanation factors (docs/models.md §3.7).
/// </summary>
internal static class ItemFeatures
{
    private static readonly string[] BaseNames =
    [
        "item.difficulty", "item.population_answers", "skill.difficulty", "item.skills",
        "student.answers", "student.rate", "student.recent", "student.recent_long", "student.residual",
        "skill.answers", "skill.rate", "skill.residual", "skill.recent", "skill.last", "skill.run", "skill.fail_run", "skill.since",
        "item.answers", "item.last", "previous.score", "previous.same_skill", "transition.rate",
    ];

    private static readonly string[] EloNames = [.. BaseNames, "elo.forecast"];

    public static IReadOnlyList<string> Names(bool elo) => elo ? EloNames : BaseNames;

    public static int Count(bool elo) => Names(elo).Count;

    public static void Compute(AnswerHistory history, ItemPopulation population, IStudentKnowledge? elo, int item, int[] skills, long timestamp, Span<float> x)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(population);
        var rates = population.Rates;
        ArgumentNullException.ThrowIfNull(skills);
        var n = history.Answers;
        var skill = SkillSummary.Of(history, skills);
        var latest = skill.Latest;
        var itemTrack = history.Item(item);
        var i = 0;
        x[i++] = Logit(rates.RateOf(item, skills));
        x[i++] = Log1(rates.AnswersOf(item));
        x[i++] = Logit(rates.SkillsRate(skills));
        x[i++] = skills.Length;
        x[i++] = Log1(n);
        x[i++] = (float)((history.Wins + 1) / (n + 2));
        x[i++] = (float)history.Recent.Mean;
        x[i++] = (float)history.RecentLong.Mean;
        x[i++] = (float)(history.Residual / (n + 5));
        x[i++] = Log1(skill.Count);
        x[i++] = (float)((skill.Wins + 1) / (skill.Count + 2));
        x[i++] = (float)(skill.Residual / (skill.Count + 2));
        x[i++] = skill.Seen ? (float)latest.Recent.Mean : float.NaN;
        x[i++] = skill.Seen ? (float)latest.Last : float.NaN;
        x[i++] = skill.Seen ? latest.Run : float.NaN;
        x[i++] = skill.Seen ? latest.FailRun : float.NaN;
        x[i++] = skill.Seen ? Log1(n - latest.LastPosition - 1) : float.NaN;
        x[i++] = itemTrack.Count;
        x[i++] = itemTrack.Count > 0 ? (float)itemTrack.Last : float.NaN;
        x[i++] = (float)history.LastScore;
        x[i++] = n == 0 ? float.NaN : SharesSkill(history.LastSkills, skills) ? 1 : 0;
        x[i++] = population.Transitions.Of(history.LastSkills, history.LastScore >= 0.5, skills) is { } transition ? Logit(transition) : float.NaN;
        if (elo is not null)
        {
            x[i] = Logit(elo.PredictCorrect(item, skills, timestamp));
        }
    }

    internal static float Logit(double p)
    {
        var q = Math.Clamp(p, 1e-4, 1 - 1e-4);
        return (float)Math.Log(q / (1 - q));
    }

    internal static float Log1(double count) => (float)Math.Log(1 + count);

    private static bool SharesSkill(int[] previous, int[] skills)
    {
        foreach (var skill in skills)
        {
            if (Array.IndexOf(previous, skill) >= 0)
            {
                return true;
            }
        }

        return false;
    }
}
