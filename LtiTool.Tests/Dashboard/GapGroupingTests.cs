using LtiTool.Dashboard;
using LtiTool.Skills;

namespace LtiTool.Tests.Dashboard;

public sealed class GapGroupingTests
{
    /// <summary>Students in three clear profiles (weak on fractions, weak on ratio, secure), with a little spread.</summary>
    private static ClassMastery ThreeProfiles()
    {
        var skills = new[] { new Skill("fractions", null), new Skill("ratio", null) };
        var profiles = new[] { (0.2, 0.8), (0.8, 0.2), (0.9, 0.9) };
        var students = new List<ClassStudent>();
        var cells = new Dictionary<(string, string), MasteryCell>();
        for (var i = 0; i < 12; i++)
        {
            var (f, r) = profiles[i % 3];
            var jitter = (i / 3) * 0.01;
            var id = "s" + i;
            students.Add(new ClassStudent(id, null));
            cells[(id, "fractions")] = new MasteryCell(f + jitter, f, f + 0.1, []);
            cells[(id, "ratio")] = new MasteryCell(r - jitter, r - 0.1, r, []);
        }

        return new ClassMastery(students, skills, cells);
    }

    [Fact]
    public void Group_SameClassAndSeed_SameGroups()
    {
        var first = GapGrouping.Group(ThreeProfiles(), seed: 11);
        var second = GapGrouping.Group(ThreeProfiles(), seed: 11);

        Assert.Equal(first.K, second.K);
        Assert.Equal(
            first.Groups.Select(g => string.Join(",", g.Members.Select(m => m.UserId))),
            second.Groups.Select(g => string.Join(",", g.Members.Select(m => m.UserId))));
    }

    [Fact]
    public void Group_ThreeClearProfiles_FindsThemByTheSilhouette()
    {
        var result = GapGrouping.Group(ThreeProfiles(), seed: 3);

        Assert.Equal(3, result.K);
        Assert.All(result.Groups, g => Assert.Single(g.Members.Select(m => int.Parse(m.UserId[1..], System.Globalization.CultureInfo.InvariantCulture) % 3).Distinct()));
        Assert.True(result.Silhouette > 0.8, $"silhouette {result.Silhouette}");
    }

    [Fact]
    public void Silhouette_TwoTightFarClusters_IsNearOne()
    {
        double[][] points = [[0.0], [0.01], [1.0], [1.01]];

        Assert.True(GapGrouping.Silhouette(points, [0, 0, 1, 1], 2) > 0.98);
        Assert.True(GapGrouping.Silhouette(points, [0, 1, 0, 1], 2) < 0);
    }
}
