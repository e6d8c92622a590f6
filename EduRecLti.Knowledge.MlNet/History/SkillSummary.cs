namespace EduRecLti.Knowledge.MlNet.History;

/// <summary>
/// A student's history on the skills of one item, pooled: counts add up, rates pool the answers, and the
/// order-dependent parts (recency average, last answer, runs, gap) come from the skill practised most recently.
/// </summary>
internal readonly record struct SkillSummary(int Count, double Wins, double Residual, SkillTrack Latest)
{
    public bool Seen => Count > 0;

    public static SkillSummary Of(AnswerHistory history, int[] skills)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(skills);
        var count = 0;
        double wins = 0, residual = 0;
        SkillTrack latest = default;
        foreach (var skill in skills)
        {
            var track = history.Skill(skill);
            if (track.Count == 0)
            {
                continue;
            }

            count += track.Count;
            wins += track.Wins;
            residual += track.Residual;
            if (latest.Count == 0 || track.LastPosition > latest.LastPosition)
            {
                latest = track;
            }
        }

        return new SkillSummary(count, wins, residual, latest);
    }
}
