namespace EduRecLti.Knowledge.Datasets;

/// <summary>
/// The sequence data sets of shared/data with their published splits re-created from the files (ids S1, S2, S5 of
/// ml-anchors.md).
/// </summary>
public static class PublishedSequenceSplits
{
    /// <summary>S1: DKVMN <c>assist2009_updated_train.csv</c> (70% of students) / <c>_test.csv</c> (30%).</summary>
    public static LoadedDataset LoadDkvmn(string directory) =>
        LoadTrainTest(directory, "assist2009_updated", "S1", "DKVMN assist2009_updated train.csv / test.csv");

    /// <summary>S5: the original DKT <c>builder_train.csv</c> / <c>builder_test.csv</c> (uncorrected, pyBKT parity only).</summary>
    public static LoadedDataset LoadDktBuilder(string directory) =>
        LoadTrainTest(directory, "builder", "S5", "DKT builder_train.csv / builder_test.csv");

    /// <summary>
    /// S2: AKT <c>assist2009_pid</c>, 5 folds. Fold K tests on <c>testK</c> and trains on the students of <c>trainK</c>
    /// and <c>validK</c> (the other four folds plus user 79542, who is in every train file and no test file); the
    /// validation file only served AKT's early stopping, so it is training data here.
    /// </summary>
    public static LoadedDataset LoadAktRaw(string directory)
    {
        var builder = new SequenceDatasetBuilder();
        var folds = new List<StudentFold>();
        var tests = Enumerable.Range(1, 5)
            .Select(k => SequenceFileReader.ReadFourLine(builder, FilePath(directory, $"assist2009_pid_test{k}.csv")))
            .ToList();
        for (var k = 1; k <= 5; k++)
        {
            var train = SequenceFileReader.ReadFourLine(builder, FilePath(directory, $"assist2009_pid_train{k}.csv"));
            train.AddRange(SequenceFileReader.ReadFourLine(builder, FilePath(directory, $"assist2009_pid_valid{k}.csv")));
            folds.Add(new StudentFold($"test{k}", train.Distinct().ToList(), tests[k - 1]));
        }

        return builder.Build(
            "assist2009-akt-pid",
            DatasetKind.Sequences,
            _ => new SplitDescription("S2", "AKT assist2009_pid testK vs trainK+validK, K = 1..5 (duplicate rows kept)", folds));
    }

    private static LoadedDataset LoadTrainTest(string directory, string prefix, string splitId, string description)
    {
        var builder = new SequenceDatasetBuilder();
        var train = SequenceFileReader.ReadThreeLine(builder, FilePath(directory, $"{prefix}_train.csv"), "train");
        var test = SequenceFileReader.ReadThreeLine(builder, FilePath(directory, $"{prefix}_test.csv"), "test");
        return builder.Build(
            Path.GetFileName(Path.TrimEndingDirectorySeparator(directory)),
            DatasetKind.Sequences,
            _ => new SplitDescription(splitId, description, [new StudentFold("test", train, test)]));
    }

    internal static string FilePath(string directory, string fileName)
    {
        var path = Path.Combine(directory, fileName);
        return File.Exists(path) ? path : throw new FileNotFoundException($"Expected data file is missing: {path}", path);
    }
}
