using LtiTool.Dashboard;
using LtiTool.Data;
using LtiTool.DeepLinking;
using LtiTool.Lti;
using LtiTool.Lti.Launch;
using LtiTool.Skills;
using Microsoft.Extensions.Options;

namespace LtiTool.Tests.DeepLinking;

public sealed class DeepLinkPickerTests
{
    private sealed class FixedCatalogue(IReadOnlyList<PracticeSetEntry> sets, IReadOnlyList<ExternalResourceEntry> links) : IPracticeCatalogue
    {
        public Task<IReadOnlyList<PracticeSetEntry>> ListPracticeSetsAsync(CourseKey course, CancellationToken cancellationToken) => Task.FromResult(sets);

        public Task<IReadOnlyList<ExternalResourceEntry>> ListExternalResourcesAsync(CourseKey course, CancellationToken cancellationToken) => Task.FromResult(links);
    }

    private sealed class FixedMastery(ClassMastery table) : IClassMasterySource
    {
        public Task<ClassMastery> ReadAsync(CourseKey course, CancellationToken cancellationToken) => Task.FromResult(table);
    }

    private static MasteryCell Cell(double estimate) => new(estimate, estimate - 0.1, estimate + 0.1, [new MasteryEvidence("Quiz", estimate, 1, null)]);

    /// <summary>Three students: two have a gap on ratio, one on fractions; nobody has evidence on geometry.</summary>
    private static ClassMastery Table() => new(
        [new("a", "Ana"), new("b", "Ben"), new("c", "Cy")],
        [new Skill("fractions", null), new Skill("ratio", null), new Skill("geometry", null)],
        new Dictionary<(string, string), MasteryCell>
        {
            [("a", "fractions")] = Cell(0.3),
            [("b", "fractions")] = Cell(0.9),
            [("a", "ratio")] = Cell(0.2),
            [("b", "ratio")] = Cell(0.5),
            [("c", "ratio")] = Cell(0.8),
            [("c", "geometry")] = new(0.5, 0.05, 0.95, []),
        });

    private static LtiLaunch Launch(params string[] acceptTypes) => new(
        "l1", 1, "d1", "teacher", LtiConstants.MessageTypes.DeepLinkingRequest, [], LaunchRole.Instructor, null, new LaunchCourse("c1", null, null), null,
        new LaunchServices([], null, null, null),
        new DeepLinkingRequest("https://lms.example/return", acceptTypes, [], true, true, false, null, null, null),
        new LaunchPresentation(null, null, null), null, new Dictionary<string, string>(), 0);

    private static DeepLinkPicker Picker() => new(
        new FixedCatalogue(
            [new("g", "Geometry", null, "geometry", 5, 5), new("f", "Fractions", null, "fractions", 5, 5), new("r", "Ratio", null, "ratio", 5, 5)],
            [new("v", "Ratio video", null, "https://example.org/v", ["ratio"])]),
        new FixedMastery(Table()),
        Options.Create(new DashboardOptions()));

    [Fact]
    public async Task Build_OrdersPracticeSetsByStudentsWithAGap()
    {
        var menu = await Picker().BuildAsync(Launch(LtiConstants.ContentItemTypes.LtiResourceLink, LtiConstants.ContentItemTypes.Link), default);

        Assert.Equal(["panel", "set:r", "set:f", "set:g", "link:v"], menu.Offers.Select(o => o.Key));
        Assert.Equal([0, 2, 1, 0, 2], menu.Offers.Select(o => o.StudentsHelped));
        Assert.Equal(3, menu.ClassSize);
    }

    [Fact]
    public async Task Build_LinksNotAccepted_LeavesThemOutAndNamesTheType()
    {
        var menu = await Picker().BuildAsync(Launch(LtiConstants.ContentItemTypes.LtiResourceLink), default);

        Assert.DoesNotContain(menu.Offers, o => o.Kind == DeepLinkOfferKind.ExternalResource);
        Assert.Equal([LtiConstants.ContentItemTypes.Link], menu.RefusedTypes);
        Assert.True(menu.IsRefused("link:v"));
    }
}
