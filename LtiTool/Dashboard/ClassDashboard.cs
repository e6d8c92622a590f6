using LtiTool.DeepLinking;
using LtiTool.Skills;

namespace LtiTool.Dashboard;

/// <summary>How many students with results on a skill have a gap on it.</summary>
public sealed record SkillGapShare(Skill Skill, int StudentsWithGap, int StudentsWithEvidence)
{
    public double Share => StudentsWithEvidence == 0 ? 0 : (double)StudentsWithGap / StudentsWithEvidence;
}

/// <summary>A group with the skills its members share as gaps and the practice set suggested for it.</summary>
public sealed record GroupCard(StudentGroup Group, IReadOnlyList<Skill> SharedGaps, PracticeSetEntry? SuggestedSet);

/// <summary>Everything the class dashboard shows, computed once per request.</summary>
public sealed record ClassDashboard(
    ClassMastery Mastery,
    IReadOnlyList<SkillGapShare> GapShares,
    IReadOnlyList<AtRiskStudent> AtRisk,
    GroupingResult Grouping,
    IReadOnlyList<GroupCard> Groups,
    double GapThreshold);
