using LtiTool.Skills;

namespace LtiTool.Evidence;

/// <summary>
/// Where a piece of mastery evidence came from. On Moodle, Canvas, Blackboard Learn and Brightspace AGS shows a tool
/// only its own line items, so these are the only sources a real platform allows (DESIGN.md, "Where grades come from").
/// </summary>
public enum EvidenceSource
{
    /// <summary>An answer in practice or an adaptive check hosted by the tool.</summary>
    ToolPractice,

    /// <summary>A result read back through AGS from a line item the tool owns (instructor overrides included).</summary>
    ToolColumn,

    /// <summary>A score from a gradebook export the instructor uploaded.</summary>
    GradebookImport,
}

/// <summary>
/// One scored piece of evidence about one student, already mapped to skills: the input of the course's knowledge model.
/// </summary>
/// <param name="UserId">The student's LTI <c>sub</c> on the course's platform.</param>
/// <param name="AssessmentKey">Stable per source, e.g. <c>practice:{itemId}</c>, <c>column:{lineItemId}</c>, <c>import:{importId}:{column}</c>.</param>
/// <param name="AssessmentTitle">What a person calls it ("Quiz 3 — Fractions"); untrusted LMS text, encode when shown.</param>
/// <param name="Skills">The skills it assesses with Q-matrix weights; empty when nothing is mapped yet.</param>
/// <param name="ScoreFraction">Score over its maximum, in [0, 1].</param>
/// <param name="ObservedAt">When the answer or result was given.</param>
/// <param name="Source">Which source produced it.</param>
public sealed record EvidenceObservation(
    string UserId,
    string AssessmentKey,
    string AssessmentTitle,
    IReadOnlyList<SkillWeight> Skills,
    double ScoreFraction,
    DateTimeOffset ObservedAt,
    EvidenceSource Source);
