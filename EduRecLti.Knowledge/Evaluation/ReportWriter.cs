using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EduRecLti.Knowledge.Evaluation;

/// <summary>Renders an <see cref="EvaluationReport"/> as aligned text tables or as JSON.</summary>
public static class ReportWriter
{
    private static readonly string[] CalibrationHeader = ["  bin", "n", "mean predicted", "observed"];

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        // NaN (e.g. AUC of a fold with one class) stays visible instead of failing the whole report.
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static string ToJson(EvaluationReport report) => JsonSerializer.Serialize(report, JsonOptions);

    public static string ToText(EvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        var folds = report.FoldsOverride is { } k ? Invariant($"--folds {k}") : "published splits";
        var students = report.MaxStudents is { } n ? Invariant($"first {n} train/test students per fold") : "all students";
        text.AppendLine(Invariant($"Evaluation: seed {report.Seed}, {folds}, {students}."));
        text.AppendLine("Metrics are pooled over each fold's test responses, then mean ± sd over folds; peak MB = managed-heap growth during fit+predict.");
        foreach (var benchmark in report.Benchmarks)
        {
            text.AppendLine();
            AppendBenchmark(text, benchmark);
        }

        text.AppendLine();
        text.AppendLine(Invariant($"Process peak working set: {report.ProcessPeakWorkingSetMb:0} MB"));
        return text.ToString();
    }

    private static void AppendBenchmark(StringBuilder text, BenchmarkResult benchmark)
    {
        text.AppendLine(Invariant($"{benchmark.Dataset}  [{benchmark.SplitId}] {benchmark.Split}"));
        text.AppendLine(Invariant($"protocol {benchmark.Protocol}, {benchmark.Folds} fold(s), ~{benchmark.TrainStudents} training students per fold, {benchmark.TestStudents} test students in all"));
        var metricNames = benchmark.Models.SelectMany(m => m.Metrics.Keys).Distinct().ToList();
        var header = new List<string> { "model" };
        header.AddRange(metricNames);
        header.AddRange(["n", "fit s", "predict s", "peak MB", "status"]);
        var rows = new List<IReadOnlyList<string>> { header };
        rows.AddRange(benchmark.Models.Select(model =>
        {
            var row = new List<string> { model.Model };
            row.AddRange(metricNames.Select(name => model.Metrics.TryGetValue(name, out var m) ? Format(m, benchmark.Folds) : "-"));
            row.AddRange([
                Invariant($"{model.Predictions}"),
                Invariant($"{model.FitSeconds:0.00}"),
                Invariant($"{model.PredictSeconds:0.00}"),
                Invariant($"{model.PeakManagedMb:0.0}"),
                model.Status,
            ]);
            return row;
        }));
        AppendAligned(text, rows);

        foreach (var model in benchmark.Models.Where(m => m.Calibration.Count > 0))
        {
            text.AppendLine(Invariant($"calibration of {model.Model} (pooled over folds):"));
            var table = new List<IReadOnlyList<string>> { CalibrationHeader };
            table.AddRange(model.Calibration.Select(bin => (IReadOnlyList<string>)
            [
                Invariant($"  {bin.Lower:0.0}-{bin.Upper:0.0}"),
                Invariant($"{bin.Count}"),
                bin.Count == 0 ? "-" : Invariant($"{bin.MeanPredicted:0.000}"),
                bin.Count == 0 ? "-" : Invariant($"{bin.ObservedRate:0.000}"),
            ]));
            AppendAligned(text, table);
        }
    }

    private static string Format(MetricSummary metric, int folds)
    {
        var mean = Math.Abs(metric.Mean) >= 1 && metric.Mean == Math.Floor(metric.Mean)
            ? Invariant($"{metric.Mean:0}")
            : Invariant($"{metric.Mean:0.0000}");
        return folds > 1 && metric.Sd > 0 ? Invariant($"{mean} ± {metric.Sd:0.0000}") : mean;
    }

    private static void AppendAligned(StringBuilder text, List<IReadOnlyList<string>> rows)
    {
        var widths = Enumerable.Range(0, rows[0].Count).Select(c => rows.Max(r => r[c].Length)).ToArray();
        foreach (var row in rows)
        {
            text.AppendLine(string.Join("  ", row.Select((cell, c) => c == row.Count - 1 ? cell : cell.PadRight(widths[c]))).TrimEnd());
        }
    }

    private static string Invariant(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);
}
