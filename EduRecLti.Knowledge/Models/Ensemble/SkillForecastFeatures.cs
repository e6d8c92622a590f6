using EduRecLti.Knowledge.Core;
using EduRecLti.Knowledge.Evaluation;
using EduRecLti.Knowledge.Models.Grades;

namespace EduRecLti.Knowledge.Models.Ensemble;

/// <summary>
/// The stacker's inputs for "expected score on a skill from now on": each member's forecast on the logit scale plus
/// the student's own recent history on the skill (seen, log count, recency average, last answer, trailing run of
/// correct answers, log answers since the skill was last practised) and overall (recency average, log answer count).
/// Skill-builder practice ends after a run of correct answers, so how a skill stands at the cut-off says more about
/// its continuation than the all-time mean a member model pools.
/// </summary>
internal static class SkillForecastFeatures
{
    /// <summary>Forecasts are clamped before the logit so a confident member cannot dominate the linear stacker.</summary>
    private const double ForecastClamp = 0.01;

    /// <summary>A run of this many correct answers ends a skill builder (ASSISTments' usual mastery rule).</summary>
    private const int MasteryRun = 3;

    private const int HistoryFeatures = 9;

    /// <summary>
    /// Length of a feature vector; <paramref name="skillSlots"/> one-hot skill intercepts follow the history (0 = none),
    /// then, with <paramref name="seenSkillSlots"/>, as many one-hot skill × seen interactions.
    /// </summary>
    public static int Count(int members, int skillSlots, bool seenSkillSlots = false) =>
        members + HistoryFeatures + (seenSkillSlots ? 2 * skillSlots : skillSlots);

    public static double[] Compute(
        IReadOnlyList<IStudentKnowledge> members, SkillHistory history, int skill, long timestamp, int skillSlots, bool seenSkillSlots = false)
    {
        var x = new double[Count(members.Count, skillSlots, seenSkillSlots)];
        for (var m = 0; m < members.Count; m++)
        {
            x[m] = Grades.Logistic.Logit(Math.Clamp(MemberForecast(members[m], skill, timestamp), ForecastClamp, 1 - ForecastClamp));
        }

        var summary = history.Skill(skill);
        var seen = summary.Count > 0 ? 1.0 : 0.0;
        var i = members.Count;
        x[i++] = 1;
        x[i++] = seen;
        x[i++] = seen * Math.Log(1 + summary.Count);
        x[i++] = seen * (summary.Recent.Mean - 0.5);
        x[i++] = seen * (summary.LastScore - 0.5);
        x[i++] = seen * Math.Min(summary.Run, MasteryRun) / MasteryRun;
        x[i++] = seen * Math.Log(1 + history.Answers - summary.LastPosition);
        x[i++] = history.RecentScore - 0.5;
        x[i++] = Math.Log(1 + history.Answers);
        if (skill >= 0 && skill < skillSlots)
        {
            x[i + skill] = 1;
            if (seenSkillSlots)
            {
                x[i + skillSlots + skill] = seen;
            }
        }

        return x;
    }

    /// <summary>Index of the intercept in a feature vector (not shrunk by the prior).</summary>
    public static int Intercept(int members) => members;

    private static double MemberForecast(IStudentKnowledge member, int skill, long timestamp) =>
        member is ISkillScoreForecast forecast ? forecast.ForecastSkillScore(skill, timestamp) : member.Mastery(skill).Estimate;
}
