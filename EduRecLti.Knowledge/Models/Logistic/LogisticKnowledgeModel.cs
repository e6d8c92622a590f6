using System.Text.Json;
using EduRecLti.Knowledge.Core;
using EduRecLti.Knowledge.Models.Logistic.Features;
using EduRecLti.Knowledge.Models.Logistic.Training;

namespace EduRecLti.Knowledge.Models.Logistic;

/// <summary>
/// The logistic family (IRT, AFM, PFA, Best-LR, DAS3H, KTM) as one model: a <see cref="FeatureTemplate"/> decides
/// the features, <see cref="LogisticOptions.Rank"/> decides between logistic regression (0) and a factorization machine.
/// </summary>
/// <remarks>
/// Training rows are built by replaying each training student's answers through the same online featurizer
/// that live students use, so a row never sees the answer it predicts.
/// </remarks>
public sealed class LogisticKnowledgeModel : IKnowledgeModel
{
    private const int FormatVersion = 1;
    private LogisticOptions _options;
    private Featurizer? _featurizer;
    private FactorizationMachine? _machine;
    private double[] _typicalItemWeight = [];
    private ResponseDataset? _training;

    public LogisticKnowledgeModel(string name, LogisticOptions options)
    {
        Name = name;
        _options = options ?? throw new ArgumentNullException(nameof(options));
    }

    public string Name { get; }

    public LogisticOptions Options => _options;

    public void Fit(ResponseDataset training, Random random, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(training);
        var featurizer = new Featurizer(_options.Template, training.ItemCount, training.SkillCount);
        var data = Replay(featurizer, training, cancellationToken);
        _machine = FactorizationTrainer.Train(data, _options, random, cancellationToken);
        _featurizer = featurizer;
        _typicalItemWeight = TypicalItemWeights(training, featurizer.Layout, _machine.Weights);
        _training = training;
    }

    public IStudentKnowledge StartStudent(int? student = null)
    {
        if (_featurizer is null || _machine is null)
        {
            throw new InvalidOperationException("Fit or Restore the model before following students.");
        }

        var state = new LogisticStudent(_featurizer, _machine, _typicalItemWeight);
        if (student is { } index && _training is not null && index >= 0 && index < _training.Students.Count)
        {
            foreach (var observation in _training.Students[index])
            {
                state.Observe(observation);
            }
        }

        return state;
    }

    public ModelSnapshot Snapshot()
    {
        if (_featurizer is null || _machine is null)
        {
            throw new InvalidOperationException("Nothing to snapshot before Fit or Restore.");
        }

        var parameters = new LogisticParameters(
            _options, _featurizer.Layout.ItemCount, _featurizer.Layout.SkillCount, _machine.Weights, _machine.Factors, _typicalItemWeight);
        return new ModelSnapshot(Name, FormatVersion, JsonSerializer.Serialize(parameters));
    }

    public void Restore(ModelSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (snapshot.Model != Name || snapshot.FormatVersion != FormatVersion)
        {
            throw new InvalidOperationException($"Snapshot {snapshot.Model} v{snapshot.FormatVersion} cannot be read by {Name} v{FormatVersion}.");
        }

        var parameters = JsonSerializer.Deserialize<LogisticParameters>(snapshot.Parameters)
            ?? throw new InvalidOperationException("Empty snapshot.");
        _options = parameters.Options;
        _featurizer = new Featurizer(_options.Template, parameters.ItemCount, parameters.SkillCount);
        _machine = new FactorizationMachine(parameters.Weights, parameters.Factors, _options.Rank);
        _typicalItemWeight = parameters.TypicalItemWeight;
        _training = null;
    }

    internal static SparseMatrix Replay(Featurizer featurizer, ResponseDataset training, CancellationToken cancellationToken)
    {
        var data = new SparseMatrix(featurizer.Layout.Width);
        var row = new SparseRow();
        foreach (var sequence in training.Students)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var history = featurizer.NewHistory();
            foreach (var observation in sequence)
            {
                featurizer.Write(history, observation.Item, observation.Skills, observation.Timestamp, row);
                data.AddRow(row, observation.Score);
                history.Observe(observation.Item, observation.Skills, observation.Correct, observation.Timestamp);
            }
        }

        return data;
    }

    /// <summary>Mean fitted item weight over the training items of each skill: the "typical item" used by Mastery.</summary>
    private static double[] TypicalItemWeights(ResponseDataset training, FeatureLayout layout, double[] weights)
    {
        var sum = new double[layout.SkillCount];
        var count = new int[layout.SkillCount];
        if (layout.Items == layout.Skills)
        {
            return sum;
        }

        var seen = new HashSet<(int, int)>();
        foreach (var observation in training.Students.SelectMany(s => s))
        {
            foreach (var skill in observation.Skills)
            {
                if (skill >= 0 && skill < layout.SkillCount && observation.Item >= 0 && observation.Item < layout.ItemCount && seen.Add((observation.Item, skill)))
                {
                    sum[skill] += weights[layout.Items + observation.Item];
                    count[skill]++;
                }
            }
        }

        return sum.Select((s, k) => count[k] == 0 ? 0 : s / count[k]).ToArray();
    }

    private sealed record LogisticParameters(
        LogisticOptions Options, int ItemCount, int SkillCount, double[] Weights, double[] Factors, double[] TypicalItemWeight);
}
