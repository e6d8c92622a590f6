namespace EduRecLti.Knowledge.Datasets;

/// <summary>Recognises a shared/data directory by the files in it and loads it with its published split(s).</summary>
public static class DatasetDirectory
{
    /// <summary>
    /// The evaluable data sets in <paramref name="directory"/>: one for most directories, two for
    /// <c>assist2009-akt-pid</c> (S2 raw files and S2d deduplicated file).
    /// </summary>
    /// <exception cref="NotSupportedException">The directory holds no format the harness knows.</exception>
    public static IReadOnlyList<LoadedDataset> Load(string directory)
    {
        bool Has(string file) => File.Exists(Path.Combine(directory, file));
        string[] Matching(string pattern) => Directory.GetFiles(directory, pattern).Order(StringComparer.Ordinal).ToArray();

        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"Data directory not found: {directory}");
        }

        if (Has("assist2009_updated_train.csv"))
        {
            return [PublishedSequenceSplits.LoadDkvmn(directory)];
        }

        if (Has("builder_train.csv"))
        {
            return [PublishedSequenceSplits.LoadDktBuilder(directory)];
        }

        if (Has("assist2009_pid_test1.csv"))
        {
            var raw = PublishedSequenceSplits.LoadAktRaw(directory);
            return Has(LongFileReaders.AktDedupFile)
                ? [raw, LongFileReaders.ReadAktDedup(Path.Combine(directory, LongFileReaders.AktDedupFile))]
                : [raw];
        }

        if (Has("preprocessed_data_train.csv"))
        {
            return [LongFileReaders.ReadGervet(directory)];
        }

        if (Has(MatrixFileReaders.GradeMatrixFile))
        {
            return [LoadGradeForecast(directory)];
        }

        var responses = Matching("*_responses.csv");
        var qMatrices = Matching("*_qmatrix.csv");
        if (responses.Length == 1 && qMatrices.Length == 1)
        {
            var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory)));
            return [MatrixFileReaders.ReadResponseMatrix(responses[0], qMatrices[0], name)];
        }

        throw new NotSupportedException(
            $"No known data format in {directory}. Expected the DKVMN, DKT builder, AKT, Gervet, response-matrix or grade-matrix " +
            "files of shared/data (oulad-subset has no skills and no protocol here).");
    }

    /// <summary>
    /// The grade-level benchmark: the recipe needs the answers behind the grade matrix (targets come from post-cut-off
    /// answers only), so the answers are read from the sibling <c>assist2009-akt-pid</c> deduplicated file, and the
    /// grade matrix is checked to be derived from exactly those answers (same student × skill cells).
    /// </summary>
    private static LoadedDataset LoadGradeForecast(string directory)
    {
        var answersPath = Path.Combine(directory, "..", "assist2009-akt-pid", LongFileReaders.AktDedupFile);
        if (!File.Exists(answersPath))
        {
            throw new FileNotFoundException($"The grade recipe needs the answers in {answersPath}.", answersPath);
        }

        var grades = MatrixFileReaders.ReadGradeMatrix(Path.Combine(directory, MatrixFileReaders.GradeMatrixFile));
        var answers = LongFileReaders.ReadAktDedup(answersPath, DatasetKind.GradeForecast, "S2d-T70");
        if (!CellKeys(grades).SetEquals(CellKeys(answers)))
        {
            throw new InvalidDataException($"{MatrixFileReaders.GradeMatrixFile} does not match the student × skill cells of {answersPath}.");
        }

        return answers with { Name = "assist2009-grades" };
    }

    private static HashSet<(string Student, string Skill)> CellKeys(LoadedDataset dataset) =>
        dataset.Data.Students
            .SelectMany((sequence, s) => sequence.SelectMany(o => o.Skills).Select(k => (dataset.StudentIds[s], dataset.Skills.Ids[k])))
            .ToHashSet();
}
