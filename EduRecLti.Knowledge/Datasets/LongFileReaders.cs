namespace EduRecLti.Knowledge.Datasets;

/// <summary>Readers for the one-row-per-answer files: the AKT deduplicated long CSV (S2d) and Gervet's TSV (S3).</summary>
public static class LongFileReaders
{
    public const string AktDedupFile = "assist2009_pid_dedup_long.csv";

    /// <summary>
    /// S2d: <c>assist2009_pid_dedup_long.csv</c> (user_id, fold, t, problem_id, skill_ids ';'-separated, correct);
    /// 5-fold by student with the <c>fold</c> column as the held-out group.
    /// </summary>
    public static LoadedDataset ReadAktDedup(string path, DatasetKind kind = DatasetKind.Sequences, string splitId = "S2d")
    {
        var builder = new SequenceDatasetBuilder();
        var folds = new List<int>();
        foreach (var row in DelimitedText.Rows(path))
        {
            var isNew = !builder.HasStudent(row[0]);
            var student = builder.AddStudent(row[0]);
            if (isNew)
            {
                folds.Add(DelimitedText.ParseInt(row[1]));
            }

            builder.Add(student, row[3], row[4].Split(';'), DelimitedText.ParseInt(row[5]));
        }

        return builder.Build(
            "assist2009-akt-pid",
            kind,
            _ => new SplitDescription(splitId, "AKT assist2009_pid deduplicated, 5-fold by the fold column", StudentFolds.LeaveOneGroupOut(folds)));
    }

    /// <summary>
    /// S3: Gervet et al. <c>preprocessed_data_train.csv</c> / <c>_test.csv</c> (tab-separated, rows grouped by user in
    /// time order), skills from the Q-matrix <c>q_mat_pairs.csv</c> rather than the skill-combination column.
    /// </summary>
    public static LoadedDataset ReadGervet(string directory)
    {
        var qMatrix = DelimitedText.Rows(PublishedSequenceSplits.FilePath(directory, "q_mat_pairs.csv"))
            .GroupBy(r => r[0], r => r[1])
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.OrderBy(DelimitedText.ParseInt).ToList());
        var builder = new SequenceDatasetBuilder();
        foreach (var skill in qMatrix.Values.SelectMany(s => s).Distinct().OrderBy(DelimitedText.ParseInt))
        {
            builder.Skills.GetOrAdd(skill);
        }

        var train = ReadGervetFile(builder, directory, "preprocessed_data_train.csv", qMatrix);
        var test = ReadGervetFile(builder, directory, "preprocessed_data_test.csv", qMatrix);
        return builder.Build(
            "assist2009-gervet",
            DatasetKind.Sequences,
            _ => new SplitDescription("S3", "Gervet et al. preprocessed_data_train.csv / _test.csv", [new StudentFold("test", train, test)]));
    }

    private static List<int> ReadGervetFile(
        SequenceDatasetBuilder builder, string directory, string fileName, Dictionary<string, IReadOnlyList<string>> qMatrix)
    {
        var students = new List<int>();
        foreach (var row in DelimitedText.Rows(PublishedSequenceSplits.FilePath(directory, fileName), '\t'))
        {
            var userId = $"{fileName}:{row[0]}";
            if (!builder.HasStudent(userId))
            {
                students.Add(builder.AddStudent(userId));
            }

            var skills = qMatrix.TryGetValue(row[1], out var fromQ) ? fromQ : [];
            builder.Add(builder.AddStudent(userId), row[1], skills, DelimitedText.ParseInt(row[3]));
        }

        return students;
    }
}
