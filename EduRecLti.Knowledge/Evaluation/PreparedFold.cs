using EduRecLti.Knowledge.Core;

namespace EduRecLti.Knowledge.Evaluation;

/// <summary>What one fold produced: its metrics and the pairs behind them (pooled later into the calibration table).</summary>
public sealed record FoldOutcome(IReadOnlyDictionary<string, double> Metrics, IReadOnlyList<double> Predictions, IReadOnlyList<double> Outcomes);

/// <summary>
/// One fold ready to run: the training set a fresh model is fitted on (timed by the runner), then <see cref="Score"/>
/// asks the fitted model for the held-out predictions.
/// </summary>
public abstract class PreparedFold(string name, ResponseDataset training)
{
    public string Name { get; } = name;

    public ResponseDataset Training { get; } = training;

    public int TestStudents { get; protected init; }

    public abstract FoldOutcome Score(IKnowledgeModel fitted, CancellationToken cancellationToken);

    /// <summary>Sequences with students renumbered 0..n−1 in order, as a model expects of its training set.</summary>
    protected static List<IReadOnlyList<Observation>> Renumber(IEnumerable<IReadOnlyList<Observation>> sequences) =>
        sequences.Select((sequence, s) => (IReadOnlyList<Observation>)sequence.Select(o => o with { Student = s }).ToList()).ToList();

    protected static ResponseDataset Slice(ResponseDataset template, IEnumerable<IReadOnlyList<Observation>> sequences, string name) =>
        new(name, Renumber(sequences), template.ItemCount, template.SkillCount, template.ItemSkills);

    /// <summary>Rejects NaN and out-of-range predictions: a model bug must not turn silently into a metric.</summary>
    protected static double Checked(double prediction, IKnowledgeModel model) =>
        double.IsFinite(prediction) && prediction is >= -1e-9 and <= 1 + 1e-9
            ? Math.Clamp(prediction, 0, 1)
            : throw new InvalidOperationException($"Model '{model.Name}' predicted {prediction}, outside [0,1].");

    /// <summary>AUC, RMSE, accuracy and log-loss pooled over all given pairs.</summary>
    protected static FoldOutcome BinaryOutcome(List<double> predictions, List<double> outcomes) => new(
        new Dictionary<string, double>
        {
            ["auc"] = Metrics.Auc(predictions, outcomes.Select(y => y >= 0.5).ToList()),
            ["rmse"] = Metrics.Rmse(predictions, outcomes),
            ["accuracy"] = Metrics.Accuracy(predictions, outcomes),
            ["logLoss"] = Metrics.LogLoss(predictions, outcomes),
        },
        predictions,
        outcomes);
}
