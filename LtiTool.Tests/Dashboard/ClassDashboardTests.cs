using LtiTool.Dashboard;
using LtiTool.DeepLinking;

namespace LtiTool.Tests.Dashboard;

public sealed class ClassDashboardTests
{
    [Fact]
    public void BetaMastery_OneRightOneWrong_IsHalfWithTheNormalInterval()
    {
        var cell = BetaMastery.Estimate([new("Q1", 1, 1, null), new("Q2", 0, 1, null)], 1.645);

        // Beta(2, 2): mean 0.5, sd sqrt(4 / (16 * 5)) = 0.22361, so 0.5 ± 1.645 * 0.22361.
        Assert.Equal(0.5, cell.Estimate, 10);
        Assert.Equal(0.13216, cell.Lower, 4);
        Assert.Equal(0.86784, cell.Upper, 4);
        Assert.Equal(2, cell.EvidenceCount);
    }

    [Fact]
    public void Build_SmallClass_FiguresEqualHandComputedValues()
    {
        var table = SmallClass.Table();

        var dashboard = ClassDashboardBuilder.Build(table, [new PracticeSetEntry("skill:ratio", "Practice: Ratio", null, "ratio", 10, 15)], new DashboardOptions());

        // Ana 1/6 on fractions (Beta(1, 5)), Ben 5/6, Cy 4/5: one gap of three. Ratio: Ana 1.4/6, Ben 5/6, Cy 1/5: two of three.
        Assert.Equal(1.0 / 6, table.Cell("a", "fractions")!.Estimate, 10);
        Assert.Equal(1.4 / 6, table.Cell("a", "ratio")!.Estimate, 10);
        Assert.Equal([(1, 3), (2, 3)], dashboard.GapShares.Select(s => (s.StudentsWithGap, s.StudentsWithEvidence)));

        // Ana: confident gaps on 2 of 2 skills. Cy: a confident ratio gap (upper 0.2 + 1.645 * 0.1633 = 0.469) on 1 of 2,
        // and a fall from 100 % (first three results) to 0 (last three). Ben: neither.
        Assert.Equal(["a", "c"], dashboard.AtRisk.Select(r => r.Student.UserId));
        Assert.Single(dashboard.AtRisk[0].Reasons);
        Assert.Equal(2, dashboard.AtRisk[1].Reasons.Count);
        Assert.Contains("100 %", dashboard.AtRisk[1].Reasons[1], StringComparison.Ordinal);
        Assert.Equal(6, dashboard.AtRisk[1].Evidence.Count);
    }

    [Fact]
    public void Build_GroupWithARatioGap_GetsTheRatioSetSuggested()
    {
        var dashboard = ClassDashboardBuilder.Build(SmallClass.Table(), [new PracticeSetEntry("skill:ratio", "Practice: Ratio", null, "ratio", 10, 15)], new DashboardOptions());

        var weakest = dashboard.Groups[0];
        Assert.Contains(weakest.SharedGaps, s => s.Code == "ratio");
        Assert.Equal("skill:ratio", weakest.SuggestedSet?.Id);
    }

    [Fact]
    public void AtRisk_FewerResultsThanTwoWindows_JudgesNoDecline()
    {
        var history = new MasteryEvidence[] { new("Q1", 1, 1, null), new("Q2", 0, 1, null) };

        Assert.Null(AtRiskRule.Decline(history, 2));
        Assert.Equal(1.0, AtRiskRule.Decline([.. history, new("Q3", 1, 1, null), new("Q4", 0, 1, null)], 1));
    }

    [Fact]
    public void Csv_WritesOneRowPerStudent_AndDefusesFormulas()
    {
        var table = SmallClass.Table() with { Students = [new("a", "=HYPERLINK(\"x\")"), new("b", "Ben"), new("c", "Cy")] };

        var csv = MasteryCsv.Write(table);

        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.Equal("student,user_id,fractions estimate,fractions low,fractions high,fractions results,ratio estimate,ratio low,ratio high,ratio results", lines[0]);
        Assert.StartsWith("\"'=HYPERLINK(\"\"x\"\")\",a,0.167,", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(",4", lines[2], StringComparison.Ordinal);
    }
}
