using System.Globalization;

namespace EduRecLti.Knowledge.Datasets;

/// <summary>Small parsing helpers shared by the readers (the shared files are plain, unescaped CSV/TSV).</summary>
internal static class DelimitedText
{
    public static string[] Fields(string line, char separator = ',') =>
        line.Split(separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static string Unquote(string field) => field.Trim().Trim('"');

    public static int ParseInt(string text) => int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture);

    public static double ParseDouble(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>Data rows of a file with a header line, split into fields.</summary>
    public static IEnumerable<string[]> Rows(string path, char separator = ',') =>
        File.ReadLines(path).Skip(1).Where(l => l.Length > 0).Select(l => Fields(l, separator));

    /// <summary>Non-empty lines grouped in blocks of <paramref name="size"/> (the 3-line and 4-line sequence formats).</summary>
    public static IEnumerable<string[]> Blocks(string path, int size)
    {
        var block = new List<string>(size);
        foreach (var line in File.ReadLines(path))
        {
            if (line.Trim().Length == 0)
            {
                continue;
            }

            block.Add(line);
            if (block.Count == size)
            {
                yield return block.ToArray();
                block.Clear();
            }
        }

        if (block.Count != 0)
        {
            throw new InvalidDataException($"{path}: {block.Count} trailing line(s) do not form a {size}-line group.");
        }
    }
}
