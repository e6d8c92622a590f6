namespace EduRecLti.Knowledge.Datasets;

/// <summary>Readers for the matrix-shaped files: complete response matrices with a Q-matrix, and the grade matrix.</summary>
public static class MatrixFileReaders
{
    public const string GradeMatrixFile = "assist2009_skill_scores_long.csv";

    /// <summary>
    /// A complete student × item 0/1 matrix (<c>id,Item1..ItemN</c>; "NA" cells skipped) with its Q-matrix
    /// (<c>item,skill1..skillK</c>). Each student's answers are in column order; all students form the one "fold",
    /// because the protocol masks cells rather than students.
    /// </summary>
    public static LoadedDataset ReadResponseMatrix(string responsesPath, string qMatrixPath, string name)
    {
        var qLines = File.ReadLines(qMatrixPath).Where(l => l.Length > 0).Select(l => DelimitedText.Fields(l)).ToList();
        var skillNames = qLines[0].Skip(1).Select(DelimitedText.Unquote).ToList();
        var itemSkills = qLines.Skip(1).ToDictionary(
            row => DelimitedText.Unquote(row[0]),
            row => (IReadOnlyList<string>)skillNames.Where((_, k) => DelimitedText.ParseInt(row[k + 1]) == 1).ToList());

        var builder = new SequenceDatasetBuilder();
        skillNames.ForEach(s => builder.Skills.GetOrAdd(s));
        var lines = File.ReadLines(responsesPath).Where(l => l.Length > 0).Select(l => DelimitedText.Fields(l)).ToList();
        var itemNames = lines[0].Skip(1).Select(DelimitedText.Unquote).ToList();
        var missing = itemNames.Where(i => !itemSkills.ContainsKey(i)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidDataException($"{qMatrixPath} has no row for item(s) {string.Join(", ", missing)}.");
        }

        foreach (var row in lines.Skip(1))
        {
            var student = builder.AddStudent(DelimitedText.Unquote(row[0]));
            for (var column = 0; column < itemNames.Count; column++)
            {
                var cell = DelimitedText.Unquote(row[column + 1]);
                if (cell != "NA")
                {
                    builder.Add(student, itemNames[column], itemSkills[itemNames[column]], DelimitedText.ParseInt(cell));
                }
            }
        }

        return builder.Build(name, DatasetKind.ResponseMatrix, students =>
        {
            var all = Enumerable.Range(0, students.Count).ToList();
            return new SplitDescription("mask20", "20% of all cells masked at random (seeded), one mask per repetition", [new StudentFold("all", all, all)]);
        });
    }

    /// <summary>
    /// The ASSIST09 grade matrix: one observation per (student, skill) with the skill as item, score = pct_correct,
    /// in order of the skill's first appearance; 5 folds by the <c>fold</c> column. A description of the scores,
    /// not an evaluation input: the honest recipe rebuilds targets from the answers (see <c>GradeForecastProtocol</c>).
    /// </summary>
    public static LoadedDataset ReadGradeMatrix(string path)
    {
        var builder = new SequenceDatasetBuilder();
        var folds = new List<int>();
        var rows = DelimitedText.Rows(path).GroupBy(r => r[0]).SelectMany(g => g.OrderBy(r => DelimitedText.ParseInt(r[2])));
        foreach (var row in rows)
        {
            if (!builder.HasStudent(row[0]))
            {
                folds.Add(DelimitedText.ParseInt(row[1]));
            }

            builder.Add(builder.AddStudent(row[0]), row[3], [row[3]], DelimitedText.ParseDouble(row[6]));
        }

        return builder.Build(
            "assist2009-grades",
            DatasetKind.GradeForecast,
            _ => new SplitDescription("S2d", "5-fold by the fold column", StudentFolds.LeaveOneGroupOut(folds)));
    }
}
