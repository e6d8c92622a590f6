using System.Text;
using LtiTool.Dashboard;
using LtiTool.Data;
using LtiTool.Lti.Launch;
using LtiTool.Lti.Sessions;
using Microsoft.AspNetCore.Mvc;

namespace LtiTool.Pages.Instructor;

/// <summary>
/// The class dashboard: only for instructor-like roles (least privilege otherwise). Shows the students × skills
/// heatmap, each skill's share of students with a gap, students at risk with their evidence, and groups with similar
/// gaps; the table downloads as CSV.
/// </summary>
public sealed class IndexModel(ILaunchStore launches, ToolApiTokens apiTokens, TimeProvider timeProvider, ClassDashboardBuilder dashboards)
    : LaunchPageModel(launches, apiTokens, timeProvider)
{
    /// <summary>Sort key of the heatmap: <see cref="SortByName"/> or a skill code (weakest first).</summary>
    [BindProperty(SupportsGet = true, Name = "sort")]
    public string? Sort { get; set; }

    public const string SortByName = "name";

    public ClassDashboard? Dashboard { get; private set; }

    /// <summary>The heatmap's rows in the chosen order.</summary>
    public IReadOnlyList<ClassStudent> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (Course is not { } course)
        {
            return;
        }

        Dashboard = await dashboards.BuildAsync(course, cancellationToken);
        var table = Dashboard.Mastery;
        Rows = table.Skills.Any(s => s.Code == Sort)
            ? [.. table.Students.OrderBy(s => table.Cell(s.UserId, Sort!)?.Estimate ?? 1).ThenBy(s => s.Label, StringComparer.CurrentCulture)]
            : table.Students;
    }

    /// <summary><c>?handler=csv</c>: the class mastery table as a download.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        var dashboard = Course is { } course ? await dashboards.BuildAsync(course, cancellationToken) : null;
        var csv = MasteryCsv.Write(dashboard?.Mastery ?? ClassMastery.Empty);
        return File(Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", "class-mastery.csv");
    }

    private CourseKey? Course => Launch.Course is { } c ? new CourseKey(Launch.PlatformId, Launch.DeploymentId, c.Id) : null;

    protected override bool Suits(LtiLaunch launch) => !launch.IsDeepLinking && launch.Role == LaunchRole.Instructor;
}
