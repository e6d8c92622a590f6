using System.Globalization;
using System.Text;

namespace LtiTool.Demo;

/// <summary>
/// <c>GET /demo/gradebook</c>: every column of the course against every student, the tool's own marked, so a demo
/// shows the scores the tool posted and the history the tool cannot see through AGS (with a CSV export of it).
/// </summary>
internal static class DemoGradebookPage
{
    public static IResult Handle(DemoCourse course, DemoGradebook gradebook)
    {
        var items = gradebook.AllLineItems;
        var results = items.ToDictionary(i => i.Id, i => gradebook.ResultsOf(i.Id).ToDictionary(r => r.UserId));
        var table = new StringBuilder("<table><caption>Grades (points; blank: not submitted)</caption><thead><tr><th scope=\"col\">Student</th>");
        foreach (var item in items)
        {
            table.Append(CultureInfo.InvariantCulture, $"<th scope=\"col\">{DemoHtml.Encode(item.Label)}<br><span class=\"hint\">{DemoHtml.Encode(item.Tag)} /{item.ScoreMaximum}{(item.ToolOwned ? " · EduRec's column" : string.Empty)}</span></th>");
        }

        table.Append("</tr></thead><tbody>");
        foreach (var student in course.Students)
        {
            table.Append(CultureInfo.InvariantCulture, $"<tr><th scope=\"row\">{DemoHtml.Encode(student.DisplayName)}</th>");
            foreach (var item in items)
            {
                var score = results[item.Id].GetValueOrDefault(student.Id)?.ResultScore;
                table.Append(CultureInfo.InvariantCulture, $"<td>{score?.ToString("0.#", CultureInfo.InvariantCulture)}</td>");
            }

            table.Append("</tr>");
        }

        table.Append("</tbody></table>");
        var body = $"""
            <header class="top"><h1>EduRec demo LMS</h1></header>
            <main class="content"><h2>{DemoHtml.Encode(DemoCourse.Title)}: gradebook</h2><p><a href="/demo">Back to the course</a> · <a href="/demo{DemoGradebookExport.Path}" download>Export grades (CSV, Moodle plain text layout)</a></p>{table}</main>
            """;
        return DemoHtml.Page("Gradebook – EduRec demo LMS", body);
    }
}
