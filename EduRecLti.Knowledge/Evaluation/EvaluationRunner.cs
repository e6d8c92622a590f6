using System.Diagnostics;
using System.Globalization;
using EduRecLti.Knowledge.Core;
using EduRecLti.Knowledge.Datasets;

namespace EduRecLti.Knowledge.Evaluation;

/// <summary>
/// Runs catalog models over the folds of a loaded data set with the protocol its kind calls for, timing each fit and
/// sampling memory. A fresh model instance is created for every fold, so nothing learnt on one fold reaches another.
/// </summary>
public static class EvaluationRunner
{
    public const int DefaultMaskRepetitions = 5;

    private static readonly HashSet<string> SummedMetrics = ["cells", "cells.seen", "cells.new"];

    /// <summary>The split actually used: the published one, or a seeded K-fold by student when <c>Folds</c> is set.</summary>
    public static SplitDescription ResolveSplit(LoadedDataset dataset, EvaluationOptions options)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Folds is not { } k || dataset.Kind == DatasetKind.ResponseMatrix)
        {
            return dataset.Split;
        }

        var folds = StudentFolds.Random(dataset.Data.Students.Count, k, new Random(options.Seed));
        return new SplitDescription($"{dataset.Split.SplitId}-cv{k}", $"{k}-fold by student, shuffled with seed {options.Seed}", folds);
    }

    public static IEnumerable<PreparedFold> PrepareFolds(LoadedDataset dataset, EvaluationOptions options)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(options);
        var folds = ResolveSplit(dataset, options).Folds.Select(f => f.Limit(options.MaxStudents));
        return dataset.Kind switch
        {
            DatasetKind.Sequences => folds.Select(f => (PreparedFold)new SequenceFold(dataset, f)),
            DatasetKind.GradeForecast => folds.Select(f => (PreparedFold)new GradeForecastFold(dataset, f)),
            DatasetKind.ResponseMatrix => MaskedMatrixFold.Create(
                dataset, folds.Single(), options.Folds ?? DefaultMaskRepetitions, new Random(options.Seed)),
            _ => throw new NotSupportedException($"No protocol for {dataset.Kind}."),
        };
    }

    public static BenchmarkResult Run(
        LoadedDataset dataset,
        IReadOnlyList<string> models,
        EvaluationOptions options,
        TextWriter? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(models);
        var split = ResolveSplit(dataset, options);
        var folds = PrepareFolds(dataset, options).ToList();
        var results = models.Select(name => RunModel(name, folds, dataset, split, options.Seed, progress, cancellationToken)).ToList();
        return new BenchmarkResult(
            dataset.Name,
            split.SplitId,
            split.Description,
            dataset.Kind.ToString(),
            folds.Count,
            (int)Math.Round(folds.Average(f => f.Training.Students.Count)),
            folds.Sum(f => f.TestStudents),
            results);
    }

    private static ModelResult RunModel(
        string name, List<PreparedFold> folds, LoadedDataset dataset, SplitDescription split, int seed, TextWriter? progress, CancellationToken cancellationToken)
    {
        var outcomes = new List<FoldOutcome>();
        double fitSeconds = 0, predictSeconds = 0, peakMb = 0;
        try
        {
            for (var i = 0; i < folds.Count; i++)
            {
                var model = Create(name);
                if (model is IApplicabilityCheck check && check.RejectionReason(folds[i].Training) is { } reason)
                {
                    return Skipped(name, reason);
                }

                using var memory = new PeakMemorySampler();
                var clock = Stopwatch.StartNew();
                model.Fit(folds[i].Training, new Random(unchecked(seed + (7919 * i))), cancellationToken);
                fitSeconds += clock.Elapsed.TotalSeconds;
                clock.Restart();
                outcomes.Add(folds[i].Score(model, cancellationToken));
                predictSeconds += clock.Elapsed.TotalSeconds;
                peakMb = Math.Max(peakMb, memory.PeakMegabytes);
                progress?.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{dataset.Name} {split.SplitId} {name} {folds[i].Name} ({i + 1}/{folds.Count}): {Describe(outcomes[^1].Metrics)}"));
            }
        }
        catch (NotSupportedException e)
        {
            return Skipped(name, e.Message);
        }
#pragma warning disable CA1031 // One failing model is reported in the table; the other models of the run still complete.
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            progress?.WriteLine($"{dataset.Name} {split.SplitId} {name} failed: {e}");
            return new ModelResult(name, $"failed: {e.GetType().Name}: {e.Message}", new Dictionary<string, MetricSummary>(), 0, 0, 0, 0, [], []);
        }

        return new ModelResult(
            name,
            "ok",
            Summarise(outcomes.Select(o => o.Metrics).ToList()),
            outcomes.Sum(o => o.Predictions.Count),
            fitSeconds / folds.Count,
            predictSeconds / folds.Count,
            peakMb,
            CalibrationTable.Compute(outcomes.SelectMany(o => o.Predictions).ToList(), outcomes.SelectMany(o => o.Outcomes).ToList()),
            outcomes.Select(o => o.Metrics).ToList());
    }

    private static IKnowledgeModel Create(string name) =>
        ModelCatalog.TryCreate(name, out var model) ? model : throw new ArgumentException($"Unknown model '{name}'.", nameof(name));

    private static ModelResult Skipped(string name, string reason) =>
        new(name, $"skipped: {reason}", new Dictionary<string, MetricSummary>(), 0, 0, 0, 0, [], []);

    private static Dictionary<string, MetricSummary> Summarise(List<IReadOnlyDictionary<string, double>> folds) =>
        folds[0].Keys.ToDictionary(key => key, key =>
        {
            var values = folds.Select(f => f[key]).ToList();
            if (SummedMetrics.Contains(key))
            {
                return new MetricSummary(values.Sum(), 0);
            }

            var mean = values.Average();
            var sd = values.Count < 2 ? 0 : Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
            return new MetricSummary(mean, sd);
        });

    private static string Describe(IReadOnlyDictionary<string, double> metrics) =>
        string.Join(", ", metrics.Take(4).Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Key} {m.Value:0.0000}")));
}
