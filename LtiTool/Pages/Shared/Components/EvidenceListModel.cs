namespace LtiTool.Pages.Components;

/// <summary>One piece of evidence as a student reads it.</summary>
/// <param name="Assessment">What it was ("Quiz 1: Adding fractions", "Practice: Like denominators, question 3").</param>
/// <param name="ScoreFraction">Score over its maximum, in [0, 1].</param>
/// <param name="At">When it was answered or graded.</param>
/// <param name="HowCounted">Where it came from, in words ("Practice answer", "Gradebook result", "Imported grade").</param>
public sealed record EvidenceRow(string Assessment, double ScoreFraction, DateTimeOffset At, string HowCounted);

/// <summary>
/// The evidence behind one skill's mastery for <c>_EvidenceList.cshtml</c>: a native <c>details</c> whose summary names
/// the subject and count ("Evidence for Adding fractions, 3 results"), holding a table of results and the interval in
/// words. Usage: <c>&lt;partial name="Components/_EvidenceList" model="new EvidenceListModel(...)" /&gt;</c>.
/// </summary>
/// <param name="Subject">The skill (or recommendation) the evidence is for.</param>
/// <param name="Rows">Newest first; an empty list renders "No results yet".</param>
/// <param name="IntervalSentence">The mastery interval and its credible level in words.</param>
/// <param name="MethodHref">Where "How we work this out" points (a tool page or docs); omitted when null.</param>
public sealed record EvidenceListModel(string Subject, IReadOnlyList<EvidenceRow> Rows, string IntervalSentence, string? MethodHref = null)
{
    public string CaptionId => DomId.For("evidence", Subject);
}
