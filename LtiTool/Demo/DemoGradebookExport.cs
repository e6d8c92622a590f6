using System.Globalization;
using System.Text;

namespace LtiTool.Demo;

/// <summary>
/// <c>GET /demo/gradebook/export.csv</c>: the whole gradebook as Moodle's "Plain text file" export writes it (reference
/// gradebook-exports.md §2): the default profile fields, one <c>Name (Real)</c> column per grade item (activities
/// prefixed by their module, the tool's AGS columns bare), <c>-</c> for no grade, two decimals with a point, and the
/// export time as a Unix timestamp last. This is how the seeded history, invisible to the tool through AGS as on every
/// real LMS, reaches the tool: the instructor downloads it here and uploads it to the tool's import page.
/// </summary>
internal static class DemoGradebookExport
{
    public const string Path = "/gradebook/export.csv";

    private static readonly string[] ProfileHeaders = ["First name", "Last name", "ID number", "Institution", "Department", "Email address"];

    public static IResult Handle(DemoCourse course, DemoGradebook gradebook, TimeProvider time)
    {
        var items = gradebook.AllLineItems;
        var csv = new StringBuilder();
        var headers = ProfileHeaders.Concat(items.Select(i => $"{ModulePrefix(i)}{i.Label} (Real)")).Append("Last downloaded from this course");
        csv.AppendJoin(',', headers.Select(Field)).Append('\n');
        var results = items.ToDictionary(i => i.Id, i => gradebook.ResultsOf(i.Id).ToDictionary(r => r.UserId));
        var downloaded = time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        foreach (var student in course.Students)
        {
            // The LMS knows every student's name and address even when it does not share them with the tool.
            string[] profile = [student.GivenName ?? student.Username, student.FamilyName ?? string.Empty, string.Empty, string.Empty, string.Empty, student.Email ?? string.Empty];
            var grades = items.Select(i => results[i.Id].GetValueOrDefault(student.Id)?.ResultScore is { } score ? score.ToString("0.00", CultureInfo.InvariantCulture) : "-");
            csv.AppendJoin(',', profile.Concat(grades).Append(downloaded).Select(Field)).Append('\n');
        }

        var file = $"{DemoCourse.Label} Grades-{time.GetUtcNow():yyyyMMdd_HHmm}-comma_separated.csv";
        return Results.File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", file);
    }

    /// <summary>Moodle heads activity items with their module name; the tool's AGS-created columns are manual items, bare.</summary>
    private static string ModulePrefix(DemoLineItem item) =>
        item.ToolOwned ? (item.ResourceLinkId is null ? string.Empty : "External tool: ") : "Quiz: ";

    /// <summary>PHP fputcsv quoting: a field with a separator, quote or line break is quoted, quotes doubled.</summary>
    private static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
}
