namespace EduRecLti.Knowledge.Evaluation;

/// <summary>Mean over folds and sample standard deviation (0 for a single fold).</summary>
public sealed record MetricSummary(double Mean, double Sd);

/// <summary>What happened to one model on one benchmark.</summary>
/// <param name="Model">Catalog name.</param>
/// <param name="Status">"ok", "skipped: reason" or "failed: message".</param>
/// <param name="Metrics">Per metric, mean ± sd over folds (each fold's value pooled over its test responses).</param>
/// <param name="Predictions">Number of predictions scored, all folds.</param>
/// <param name="FitSeconds">Mean wall-clock seconds of <c>Fit</c> per fold (Stopwatch).</param>
/// <param name="PredictSeconds">Mean wall-clock seconds of scoring the held-out data per fold.</param>
/// <param name="PeakManagedMb">Largest growth of the managed heap above its pre-fit baseline during fit + predict, over folds.</param>
/// <param name="Calibration">Reliability table pooled over all folds' predictions.</param>
/// <param name="FoldMetrics">The metrics of each fold, in fold order.</param>
public sealed record ModelResult(
    string Model,
    string Status,
    IReadOnlyDictionary<string, MetricSummary> Metrics,
    int Predictions,
    double FitSeconds,
    double PredictSeconds,
    double PeakManagedMb,
    IReadOnlyList<CalibrationBin> Calibration,
    IReadOnlyList<IReadOnlyDictionary<string, double>> FoldMetrics);

/// <summary>All models on one data set and split.</summary>
public sealed record BenchmarkResult(
    string Dataset,
    string SplitId,
    string Split,
    string Protocol,
    int Folds,
    int TrainStudents,
    int TestStudents,
    IReadOnlyList<ModelResult> Models);

/// <summary>One run of the <c>eval</c> command.</summary>
/// <param name="ProcessPeakWorkingSetMb">Peak resident set of the whole process at the end of the run (OS figure, includes the runtime).</param>
public sealed record EvaluationReport(
    int Seed,
    int? FoldsOverride,
    int? MaxStudents,
    IReadOnlyList<BenchmarkResult> Benchmarks,
    double ProcessPeakWorkingSetMb);

/// <summary>Run settings shared by every benchmark of one run.</summary>
/// <param name="Seed">Seeds fold shuffles, masks and each model's <c>Fit</c> random.</param>
/// <param name="Folds">Null: the published split. For sequences: seeded K-fold by student instead. For matrices: K masks (default 5).</param>
/// <param name="MaxStudents">Keeps only the first N training and N test students of each fold (quick runs).</param>
public sealed record EvaluationOptions(int Seed = 0, int? Folds = null, int? MaxStudents = null);
