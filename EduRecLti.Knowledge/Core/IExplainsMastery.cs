namespace EduRecLti.Knowledge.Core;

/// <summary>
/// Optional capability of an <see cref="IStudentKnowledge"/>: says what moved a skill's estimate, so a recommendation
/// can show its reasons ("few answers on this skill", "the last three were wrong") next to the number.
/// </summary>
public interface IExplainsMastery
{
    /// <summary>
    /// The factors behind <see cref="IStudentKnowledge.Mastery"/> of <paramref name="skill"/>, largest absolute
    /// contribution first, at most <paramref name="count"/> of them.
    /// </summary>
    IReadOnlyList<MasteryFactor> Explain(int skill, int count);
}

/// <summary>
/// One factor of an explanation.
/// </summary>
/// <param name="Factor">Stable name of the input (e.g. "skill.recent"), documented with the model.</param>
/// <param name="Value">The input's value for this student and skill.</param>
/// <param name="Contribution">Signed effect on the estimate, on the model's score scale (positive raises mastery).</param>
public readonly record struct MasteryFactor(string Factor, double Value, double Contribution);
