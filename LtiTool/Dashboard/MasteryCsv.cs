using System.Globalization;
using System.Text;

namespace LtiTool.Dashboard;

/// <summary>
/// The class mastery table as CSV (RFC 4180): one row per student, estimate and interval per skill. Cells that a
/// spreadsheet would run as a formula (= + - @, tab, CR) get a leading apostrophe (OWASP CSV injection).
/// </summary>
public static class MasteryCsv
{
    public static string Write(ClassMastery table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var csv = new StringBuilder();
        var header = new List<string> { "student", "user_id" };
        foreach (var skill in table.Skills)
        {
            header.AddRange([skill.Code + " estimate", skill.Code + " low", skill.Code + " high", skill.Code + " results"]);
        }

        AppendRow(csv, header);
        foreach (var student in table.Students)
        {
            var row = new List<string> { student.Label, student.UserId };
            foreach (var skill in table.Skills)
            {
                var cell = table.Cell(student.UserId, skill.Code);
                row.AddRange(cell is null
                    ? ["", "", "", "0"]
                    : [Number(cell.Estimate), Number(cell.Lower), Number(cell.Upper), cell.EvidenceCount.ToString(CultureInfo.InvariantCulture)]);
            }

            AppendRow(csv, row);
        }

        return csv.ToString();
    }

    private static string Number(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    private static void AppendRow(StringBuilder csv, IEnumerable<string> cells)
    {
        csv.AppendJoin(',', cells.Select(Escape));
        csv.Append("\r\n");
    }

    private static string Escape(string value)
    {
        var safe = value.Length > 0 && "=+-@\t\r".Contains(value[0], StringComparison.Ordinal) ? "'" + value : value;
        return safe.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : safe;
    }
}
