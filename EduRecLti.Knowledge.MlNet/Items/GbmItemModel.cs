using System.Text.Json;
using EduRecLti.Knowledge.Core;
using EduRecLti.Knowledge.MlNet.Boosting;
using EduRecLti.Knowledge.MlNet.History;
using EduRecLti.Knowledge.Models.Logistic.Elo;

namespace EduRecLti.Knowledge.MlNet.Items;

/// <summary>
/// Item-level knowledge tracing with gradient-boosted trees (ML.NET LightGBM) over online features of the student's
/// history (<see cref="ItemFeatures"/>). Honest recipe: the training students are split into cross-fitting groups;
/// each group's rows get their target encodings (and Elo difficulties) from the other groups only, group 0's rows are
/// held out of the trees for early stopping and for the calibrated intervals, and the live model uses encodings
/// fitted on all training students. A new student needs no refit: the features are updated answer by answer.
/// </summary>
public sealed class GbmItemModel(string name, GbmItemOptions options) : IKnowledgeModel
{
    public const int FormatVersion = 2;

    private GbmItemParameters? _parameters;
    private ResponseDataset? _training;

    public string Name { get; } = name;

    public GbmItemOptions Options { get; } = options ?? throw new ArgumentNullException(nameof(options));

    public IReadOnlyList<string> FeatureNames => ItemFeatures.Names(Options.EloFeature);

    public void Fit(ResponseDataset training, Random random, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(random);
        var seed = random.Next();
        var groups = StudentGroups.Assign(training.Students.Count, Math.Max(2, Options.CrossFitGroups), random);
        var featureCount = ItemFeatures.Count(Options.EloFeature);
        var rows = new TrainingRows(featureCount);
        var validation = new TrainingRows(featureCount);
        var validationSamples = new List<(int Row, int Evidence, double Realised, int Answers)>();
        for (var g = 0; g < Math.Max(2, Options.CrossFitGroups); g++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var group = g;
            var others = Enumerable.Range(0, groups.Length).Where(s => groups[s] != group).ToList();
            var population = FitPopulation(training, others, seed + g, cancellationToken);
            foreach (var s in Enumerable.Range(0, groups.Length).Where(s => groups[s] == group))
            {
                var target = g == StudentGroups.Validation ? validation : rows;
                Replay(training.Students[s], population, target, g == StudentGroups.Validation ? validationSamples : null);
            }
        }

        var trees = BoostedTrees.Train(rows, validation, Options.Boosting, seed);
        var bins = CalibratedBins.Fit(validationSamples
            .Select(v => new CalibratedBins.Sample(trees.Predict(validation.Features[v.Row]), v.Evidence, v.Realised, v.Answers))
            .ToList());
        var all = FitPopulation(training, Enumerable.Range(0, training.Students.Count).ToList(), seed - 1, cancellationToken);
        _parameters = new GbmItemParameters(trees, all, bins);
        _training = training;
    }

    public IStudentKnowledge StartStudent(int? student = null)
    {
        var parameters = _parameters ?? throw new InvalidOperationException("Fit or Restore the model first.");
        var state = new GbmItemStudent(parameters, FeatureNames);
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
        var p = _parameters ?? throw new InvalidOperationException("Fit or Restore the model first.");
        var content = new GbmItemSnapshot(
            p.Trees.FeatureCount, p.Population.Rates, p.Population.Transitions, p.Population.Elo?.Snapshot(), p.Bins, Convert.ToBase64String(p.Trees.Save()));
        return new ModelSnapshot(Name, FormatVersion, JsonSerializer.Serialize(content));
    }

    public void Restore(ModelSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (snapshot.Model != Name || snapshot.FormatVersion != FormatVersion)
        {
            throw new NotSupportedException($"Snapshot {snapshot.Model} v{snapshot.FormatVersion} cannot be read by {Name} v{FormatVersion}.");
        }

        var content = JsonSerializer.Deserialize<GbmItemSnapshot>(snapshot.Parameters) ?? throw new InvalidDataException($"Empty {Name} snapshot.");
        if (content.FeatureCount != FeatureNames.Count || (content.Elo is null) == Options.EloFeature)
        {
            throw new InvalidDataException($"{Name} snapshot has {content.FeatureCount} features, expected {FeatureNames.Count}.");
        }

        EloKnowledgeModel? elo = null;
        if (content.Elo is { } eloSnapshot)
        {
            elo = NewElo();
            elo.Restore(eloSnapshot);
        }

        _parameters = new GbmItemParameters(
            BoostedTrees.Load(Convert.FromBase64String(content.Trees), content.FeatureCount), new ItemPopulation(content.Rates, content.Transitions, elo), content.Bins);
        _training = null;
    }

    private ItemPopulation FitPopulation(ResponseDataset training, List<int> students, int seed, CancellationToken cancellationToken)
    {
        var sequences = students.Select(s => training.Students[s]).ToList();
        var rates = PopulationRates.Fit(sequences, training.ItemCount, training.SkillCount);
        var transitions = TransitionRates.Fit(sequences, rates);
        if (!Options.EloFeature)
        {
            return new ItemPopulation(rates, transitions, null);
        }

        var elo = NewElo();
        elo.Fit(training.Subset(students), new Random(seed), cancellationToken);
        return new ItemPopulation(rates, transitions, elo);
    }

    /// <summary>Follows one training student as a new one, adding a row per answer (and, for validation, the realised rates ahead).</summary>
    private void Replay(
        IReadOnlyList<Observation> sequence,
        ItemPopulation population,
        TrainingRows target,
        List<(int Row, int Evidence, double Realised, int Answers)>? samples)
    {
        var history = new AnswerHistory();
        var elo = population.Elo?.StartStudent(null);
        for (var t = 0; t < sequence.Count; t++)
        {
            var observation = sequence[t];
            var features = new float[target.FeatureCount];
            ItemFeatures.Compute(history, population, elo, observation.Item, observation.Skills, observation.Timestamp, features);
            if (samples is not null && observation.Skills.Length > 0)
            {
                var (realised, answers) = RealisedAhead(sequence, t, observation.Skills[0]);
                samples.Add((target.Count, history.Skill(observation.Skills[0]).Count, realised, answers));
            }

            target.Add(features, observation.Score);
            history.Add(observation, population.Rates.RateOf(observation.Item, observation.Skills));
            elo?.Observe(observation);
        }
    }

    /// <summary>Mean score of the next <see cref="GbmItemOptions.IntervalWindow"/> answers on <paramref name="skill"/> from position <paramref name="t"/> on.</summary>
    private (double Realised, int Answers) RealisedAhead(IReadOnlyList<Observation> sequence, int t, int skill)
    {
        double sum = 0;
        var answers = 0;
        for (var u = t; u < sequence.Count && answers < Options.IntervalWindow; u++)
        {
            if (Array.IndexOf(sequence[u].Skills, skill) >= 0)
            {
                sum += sequence[u].Score;
                answers++;
            }
        }

        return (answers == 0 ? 0 : sum / answers, answers);
    }

    private static EloKnowledgeModel NewElo() => new("elo", new EloOptions());
}

/// <summary>The population statistics the item features read: target encodings of items, skills and skill transitions, and Elo.</summary>
internal sealed record ItemPopulation(PopulationRates Rates, TransitionRates Transitions, EloKnowledgeModel? Elo);

/// <summary>Everything a fitted <see cref="GbmItemModel"/> needs to follow a student.</summary>
internal sealed record GbmItemParameters(BoostedTrees Trees, ItemPopulation Population, CalibratedBins Bins);

/// <summary>The stored form: the ML.NET model zip as base64 beside the encodings, Elo snapshot and interval bins.</summary>
internal sealed record GbmItemSnapshot(
    int FeatureCount, PopulationRates Rates, TransitionRates Transitions, ModelSnapshot? Elo, CalibratedBins Bins, string Trees);
