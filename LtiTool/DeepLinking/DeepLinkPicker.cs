using LtiTool.Dashboard;
using LtiTool.Data;
using LtiTool.Lti;
using LtiTool.Lti.Launch;
using Microsoft.Extensions.Options;

namespace LtiTool.DeepLinking;

/// <summary>
/// Builds the picker's offers for a deep-linking request: the panel, the catalogue's practice sets ordered by how many
/// students have a gap on their skill, and its outside resources, keeping only the types in <c>accept_types</c>
/// (Deep Linking 2.0 §4.4.1).
/// </summary>
public sealed class DeepLinkPicker(IPracticeCatalogue catalogue, IClassMasterySource mastery, IOptions<DashboardOptions> dashboard)
{
    public async Task<DeepLinkMenu> BuildAsync(LtiLaunch launch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(launch);
        var settings = launch.DeepLinking ?? throw new ArgumentException("Not a deep-linking launch.", nameof(launch));
        var all = new List<DeepLinkOffer>
        {
            new(DeepLinkOffer.PanelKey, DeepLinkOfferKind.PracticePanel, LtiConstants.ContentItemTypes.LtiResourceLink,
                "Practice panel", "Each student's knowledge gaps with the practice recommended for each.", null, null, 0),
        };
        var classSize = 0;
        if (launch.Course is { } course)
        {
            var key = new CourseKey(launch.PlatformId, launch.DeploymentId, course.Id);
            var table = await mastery.ReadAsync(key, cancellationToken);
            classSize = table.Students.Count;
            var helped = GapCounts(table, dashboard.Value.GapThreshold);
            var sets = await catalogue.ListPracticeSetsAsync(key, cancellationToken);
            all.AddRange(sets
                .Select(s => new DeepLinkOffer(DeepLinkOffer.PracticeSetKeyPrefix + s.Id, DeepLinkOfferKind.PracticeSet, LtiConstants.ContentItemTypes.LtiResourceLink,
                    s.Title, s.Description, s, null, helped.GetValueOrDefault(s.SkillCode)))
                .OrderByDescending(o => o.StudentsHelped)
                .ThenBy(o => o.Title, StringComparer.CurrentCulture));
            var resources = await catalogue.ListExternalResourcesAsync(key, cancellationToken);
            all.AddRange(resources.Select(r => new DeepLinkOffer(DeepLinkOffer.ResourceKeyPrefix + r.Id, DeepLinkOfferKind.ExternalResource, LtiConstants.ContentItemTypes.Link,
                r.Title, r.Description, null, r, r.SkillCodes.Select(c => helped.GetValueOrDefault(c)).DefaultIfEmpty(0).Max())));
        }

        var accepted = all.ToLookup(o => settings.AcceptTypes.Contains(o.ContentItemType, StringComparer.Ordinal));
        return new DeepLinkMenu([.. accepted[true]], classSize, [.. accepted[false]]);
    }

    /// <summary>Students whose estimate on each skill is below the gap line.</summary>
    public static IReadOnlyDictionary<string, int> GapCounts(ClassMastery table, double gapThreshold)
    {
        ArgumentNullException.ThrowIfNull(table);
        return table.Skills.ToDictionary(
            s => s.Code,
            s => table.Students.Count(st => table.Cell(st.UserId, s.Code) is { EvidenceCount: > 0 } cell && cell.Estimate < gapThreshold),
            StringComparer.Ordinal);
    }
}
