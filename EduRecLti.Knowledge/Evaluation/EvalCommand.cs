using EduRecLti.Knowledge.Datasets;

namespace EduRecLti.Knowledge.Evaluation;

/// <summary>
/// The <c>eval</c> verb: load a shared/data directory with its published split(s), run catalog models through the
/// matching protocol, print a table or JSON. Exit codes: 0 done, 1 a model failed or the data could not be read,
/// 2 bad arguments (unknown option or model, missing or unrecognised data directory).
/// </summary>
public static class EvalCommand
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int BadArguments = 2;

    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error) =>
        RunAsync(args, output, error, CancellationToken.None);

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (args.Contains("--help") || args.Contains("-h"))
        {
            await output.WriteLineAsync(EvalArguments.Usage);
            return Success;
        }

        var parsed = EvalArguments.Parse(args, DefaultModelOrder(), out var problem);
        if (parsed is null)
        {
            return await BadArgumentsAsync(error, problem!);
        }

        List<LoadedDataset> datasets;
        try
        {
            datasets = DatasetDirectory.Load(parsed.DataDirectory)
                .Where(d => parsed.SplitId is null || string.Equals(d.Split.SplitId, parsed.SplitId, StringComparison.OrdinalIgnoreCase))
                .ToList();
        }
        catch (Exception e) when (e is DirectoryNotFoundException or NotSupportedException)
        {
            return await BadArgumentsAsync(error, e.Message);
        }
        catch (Exception e) when (e is IOException or FormatException or InvalidDataException)
        {
            await error.WriteLineAsync($"eval: cannot read {parsed.DataDirectory}: {e.Message}");
            return Failure;
        }

        if (datasets.Count == 0)
        {
            return await BadArgumentsAsync(error, $"{parsed.DataDirectory} has no split '{parsed.SplitId}'");
        }

        var benchmarks = datasets
            .Select(d => EvaluationRunner.Run(d, parsed.Models, parsed.Options, error, cancellationToken))
            .ToList();
        var report = new EvaluationReport(
            parsed.Options.Seed, parsed.Options.Folds, parsed.Options.MaxStudents, benchmarks, PeakMemorySampler.ProcessPeakWorkingSetMegabytes());
        await output.WriteAsync(parsed.Json ? ReportWriter.ToJson(report) + Environment.NewLine : ReportWriter.ToText(report));
        return benchmarks.SelectMany(b => b.Models).Any(m => m.Status.StartsWith("failed", StringComparison.Ordinal)) ? Failure : Success;
    }

    /// <summary>Every catalog model, the baseline first so it heads every table.</summary>
    private static List<string> DefaultModelOrder() =>
        ModelCatalog.Names.OrderBy(n => n == "baseline" ? 0 : 1).ToList();

    private static async Task<int> BadArgumentsAsync(TextWriter error, string message)
    {
        await error.WriteLineAsync($"eval: {message}");
        await error.WriteLineAsync(EvalArguments.Usage);
        return BadArguments;
    }
}
