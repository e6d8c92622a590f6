using EduRecLti.Knowledge.Core;
using EduRecLti.Knowledge.MlNet.History;
using EduRecLti.Knowledge.MlNet.Items;

namespace EduRecLti.Knowledge.MlNet.Grades;

/// <summary>
/// The features of "expected score on a skill's coming work" from the student's answers so far: the skill's
/// forecast-regime rate (<see cref="CutOffRates"/>) and all-answers difficulty, the student's overall history, the
/// student's history on the skill, and the Elo forecast for the skill. The names are the explanation factors.
/// </summary>
internal static class GradeFeatures
{
    public static IReadOnlyList<string> Names { get; } =
    [
        "skill.after_cut_off", "skill.difficulty", "skill.seen",
        "student.answers", "student.rate", "student.recent", "student.recent_long", "student.residual",
        "skill.answers", "skill.rate", "skill.residual", "skill.recent", "skill.last", "skill.run", "skill.fail_run", "skill.since",
        "elo.forecast",
    ];

    public static void Compute(AnswerHistory history, GradePopulation population, IStudentKnowledge elo, int skill, Span<float> x)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(population);
        ArgumentNullException.ThrowIfNull(elo);
        var n = history.Answers;
        var track = history.Skill(skill);
        var seen = track.Count > 0;
        var i = 0;
        x[i++] = ItemFeatures.Logit(population.CutOff.Of(skill, seen));
        x[i++] = ItemFeatures.Logit(population.Rates.SkillsRate([skill]));
        x[i++] = seen ? 1 : 0;
        x[i++] = ItemFeatures.Log1(n);
        x[i++] = (float)((history.Wins + 1) / (n + 2));
        x[i++] = (float)history.Recent.Mean;
        x[i++] = (float)history.RecentLong.Mean;
        x[i++] = (float)(history.Residual / (n + 5));
        x[i++] = ItemFeatures.Log1(track.Count);
        x[i++] = (float)((track.Wins + 1) / (track.Count + 2));
        x[i++] = (float)(track.Residual / (track.Count + 2));
        x[i++] = seen ? (float)track.Recent.Mean : float.NaN;
        x[i++] = seen ? (float)track.Last : float.NaN;
        x[i++] = seen ? track.Run : float.NaN;
        x[i++] = seen ? track.FailRun : float.NaN;
        x[i++] = seen ? ItemFeatures.Log1(n - track.LastPosition - 1) : float.NaN;
        x[i] = ItemFeatures.Logit(elo.Mastery(skill).Estimate);
    }
}
