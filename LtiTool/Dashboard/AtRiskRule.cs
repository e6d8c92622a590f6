namespace LtiTool.Dashboard;

/// <summary>Why a student is flagged, in words, with the results behind it.</summary>
public sealed record AtRiskStudent(ClassStudent Student, IReadOnlyList<string> Reasons, IReadOnlyList<MasteryEvidence> Evidence);

/// <summary>
/// The at-risk judgement: confident gaps (the whole credible interval below the gap line) on at least
/// <see cref="DashboardOptions.AtRiskGapShare"/> of the skills with evidence, or a sharp decline (the last
/// <see cref="DashboardOptions.DeclineWindow"/> results average <see cref="DashboardOptions.AtRiskDecline"/> below the
/// first ones). Gating on confidence follows Knewton Alta's "struggling" flag (reference ecosystem.md §2.4).
/// </summary>
public static class AtRiskRule
{
    public static IReadOnlyList<AtRiskStudent> Judge(ClassMastery table, DashboardOptions options)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(options);
        var flagged = new List<AtRiskStudent>();
        foreach (var student in table.Students)
        {
            var cells = table.Skills.Select(s => (Skill: s, Cell: table.Cell(student.UserId, s.Code))).Where(c => c.Cell is { EvidenceCount: > 0 }).ToList();
            var reasons = new List<string>();
            var confident = cells.Where(c => c.Cell!.Upper < options.GapThreshold).ToList();
            if (cells.Count > 0 && confident.Count >= options.AtRiskGapShare * cells.Count)
            {
                reasons.Add($"Confident gaps on {confident.Count} of {cells.Count} skills with results: {string.Join(", ", confident.Select(c => c.Skill.Name ?? c.Skill.Code))}.");
            }

            var history = History(cells.SelectMany(c => c.Cell!.Evidence));
            if (Decline(history, options.DeclineWindow) is { } drop && drop >= options.AtRiskDecline)
            {
                reasons.Add(FormattableString.Invariant($"Results fell sharply: the last {options.DeclineWindow} average {drop:P0} below the first {options.DeclineWindow}."));
            }

            if (reasons.Count > 0)
            {
                flagged.Add(new AtRiskStudent(student, reasons, history));
            }
        }

        return flagged;
    }

    /// <summary>The student's results in time order, each once (a result mapped to two skills is one result).</summary>
    public static IReadOnlyList<MasteryEvidence> History(IEnumerable<MasteryEvidence> evidence) =>
        evidence.DistinctBy(e => (e.AssessmentTitle, e.ObservedAt, e.ScoreFraction))
            .OrderBy(e => e.ObservedAt ?? DateTimeOffset.MinValue)
            .ToList();

    /// <summary>First-window average minus last-window average; null with fewer than two full windows.</summary>
    public static double? Decline(IReadOnlyList<MasteryEvidence> history, int window)
    {
        ArgumentNullException.ThrowIfNull(history);
        if (history.Count < 2 * window)
        {
            return null;
        }

        return history.Take(window).Average(e => e.ScoreFraction) - history.TakeLast(window).Average(e => e.ScoreFraction);
    }
}
