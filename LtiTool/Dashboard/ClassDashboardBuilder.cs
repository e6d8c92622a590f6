using LtiTool.Data;
using LtiTool.DeepLinking;
using Microsoft.Extensions.Options;

namespace LtiTool.Dashboard;

/// <summary>Builds the class dashboard from the class's mastery and the course's practice sets.</summary>
public sealed class ClassDashboardBuilder(IClassMasterySource mastery, IPracticeCatalogue catalogue, IOptions<DashboardOptions> options)
{
    public async Task<ClassDashboard> BuildAsync(CourseKey course, CancellationToken cancellationToken)
    {
        var table = await mastery.ReadAsync(course, cancellationToken);
        var sets = await catalogue.ListPracticeSetsAsync(course, cancellationToken);
        return Build(table, sets, options.Value);
    }

    /// <summary>Pure: the figures from a mastery table, for tests against hand-computed values.</summary>
    public static ClassDashboard Build(ClassMastery table, IReadOnlyList<PracticeSetEntry> sets, DashboardOptions options)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(sets);
        ArgumentNullException.ThrowIfNull(options);
        var threshold = options.GapThreshold;
        var shares = table.Skills.Select(skill =>
        {
            var withEvidence = table.Students.Select(s => table.Cell(s.UserId, skill.Code)).Where(c => c is { EvidenceCount: > 0 }).ToList();
            return new SkillGapShare(skill, withEvidence.Count(c => c!.Estimate < threshold), withEvidence.Count);
        }).ToList();
        var grouping = GapGrouping.Group(table, options.GroupingSeed);
        var cards = grouping.Groups.Select(g =>
        {
            var gaps = table.Skills.Select((skill, d) => (Skill: skill, Mean: g.Centroid[d])).Where(x => x.Mean < threshold).OrderBy(x => x.Mean).ToList();
            var suggested = gaps.Select(x => sets.FirstOrDefault(s => s.SkillCode == x.Skill.Code)).FirstOrDefault(s => s is not null);
            return new GroupCard(g, gaps.Select(x => x.Skill).ToList(), suggested);
        }).ToList();
        return new ClassDashboard(table, shares, AtRiskRule.Judge(table, options), grouping, cards, threshold);
    }
}
