namespace EduRecLti.Knowledge.Evaluation;

/// <summary>
/// Optional capability of an <see cref="Core.IStudentKnowledge"/> for the grade-level protocol: the expected score
/// (fraction correct) on a skill's coming work, given only what the student has shown so far. The contract's
/// <c>Mastery</c> is a probability of mastery (for BKT P(L), not P(correct)) and <c>PredictCorrect</c> needs the
/// item, which the recipe forbids using (which items are drawn leaks performance in skill builders), hence this
/// separate interface. Without it the harness uses <c>Mastery(skill).Estimate</c>.
/// </summary>
public interface ISkillScoreForecast
{
    /// <summary>Expected fraction correct in [0,1] on <paramref name="skill"/> from <paramref name="timestamp"/> on.</summary>
    double ForecastSkillScore(int skill, long timestamp);
}
