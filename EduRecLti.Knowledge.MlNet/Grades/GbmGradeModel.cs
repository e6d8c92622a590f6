using System.Text.Json;
using EduRecLti.Knowledge.Core;
using EduRecLti.Knowledge.Evaluation;
using EduRecLti.Knowledge.MlNet.Boosting;
using EduRecLti.Knowledge.MlNet.History;
using EduRecLti.Knowledge.Models.Ensemble;
using EduRecLti.Knowledge.Models.Logistic.Elo;

namespace EduRecLti.Knowledge.MlNet.Grades;

/// <summary>
/// Grade-level forecast with gradient-boosted trees (ML.NET LightGBM): the expected score on a skill's coming work
/// from the answers so far, learnt on the grade recipe's own cells (per-skill score after a cut-off) of training
/// students. The target is the score itself (cross-entropy of a proportion). Honest recipe as for
/// <c>GbmItemModel</c>: cross-fitting groups for every population statistic, group 0 held out of the trees for early
/// stopping, the median calibration and the interval bins.
/// </summary>
public sealed class GbmGradeModel(string name, GbmGradeOptions options) : IKnowledgeModel
{
    public const int FormatVersion = 2;

    private GbmGradeParameters? _parameters;
    private ResponseDataset? _training;

    public string Name { get; } = name;

    public GbmGradeOptions Options { get; } = options ?? throw new ArgumentNullException(nameof(options));

    public static IReadOnlyList<string> FeatureNames => GradeFeatures.Names;

    public void Fit(ResponseDataset training, Random random, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(random);
        var seed = random.Next();
        var groupCount = Math.Max(2, Options.CrossFitGroups);
        var groups = StudentGroups.Assign(training.Students.Count, groupCount, random);
        var rows = new TrainingRows(FeatureNames.Count);
        var validation = new TrainingRows(FeatureNames.Count);
        var validationCells = new List<(int Evidence, int Answers)>();
        for (var g = 0; g < groupCount; g++)
        {
            var group = g;
            var population = FitPopulation(training, Enumerable.Range(0, groups.Length).Where(s => groups[s] != group).ToList(), cancellationToken);
            var cutOffs = g == StudentGroups.Validation ? [GradeForecastFold.CutOffFraction] : Options.TrainingCutOffs;
            foreach (var s in Enumerable.Range(0, groups.Length).Where(s => groups[s] == group))
            {
                foreach (var fraction in cutOffs)
                {
                    AddCells(training.Students[s], fraction, population, g == StudentGroups.Validation ? validation : rows, g == StudentGroups.Validation ? validationCells : null);
                }
            }
        }

        var trees = BoostedTrees.Train(rows, validation, Options.Boosting, seed);
        var threshold = Options.ThresholdClassifier is { } cut
            ? BoostedTrees.Train(rows.Thresholded(cut), validation.Thresholded(cut), Options.Boosting, seed + 1)
            : null;
        var etas = validation.Features.Select(x => Eta(trees, threshold, x)).ToList();
        var calibration = Options.CalibrateForAbsoluteError ? MedianCalibration.Fit(etas, validation.Targets) : MedianCalibration.Identity;
        var bins = CalibratedBins.Fit(validationCells
            .Select((c, i) => new CalibratedBins.Sample(calibration.Apply(etas[i]), c.Evidence, validation.Targets[i], c.Answers))
            .ToList());
        var all = FitPopulation(training, Enumerable.Range(0, training.Students.Count).ToList(), cancellationToken);
        _parameters = new GbmGradeParameters(trees, threshold, all, calibration, bins);
        _training = training;
    }

    public IStudentKnowledge StartStudent(int? student = null)
    {
        var parameters = _parameters ?? throw new InvalidOperationException("Fit or Restore the model first.");
        var state = new GbmGradeStudent(parameters);
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
        var content = new GbmGradeSnapshot(
            p.Population.Rates,
            p.Population.CutOff,
            p.Population.Elo.Snapshot(),
            p.Calibration,
            p.Bins,
            Convert.ToBase64String(p.Trees.Save()),
            p.Threshold is null ? null : Convert.ToBase64String(p.Threshold.Save()));
        return new ModelSnapshot(Name, FormatVersion, JsonSerializer.Serialize(content));
    }

    public void Restore(ModelSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (snapshot.Model != Name || snapshot.FormatVersion != FormatVersion)
        {
            throw new NotSupportedException($"Snapshot {snapshot.Model} v{snapshot.FormatVersion} cannot be read by {Name} v{FormatVersion}.");
        }

        var content = JsonSerializer.Deserialize<GbmGradeSnapshot>(snapshot.Parameters) ?? throw new InvalidDataException($"Empty {Name} snapshot.");
        var elo = NewElo();
        elo.Restore(content.Elo);
        _parameters = new GbmGradeParameters(
            BoostedTrees.Load(Convert.FromBase64String(content.Trees), FeatureNames.Count),
            content.Threshold is null ? null : BoostedTrees.Load(Convert.FromBase64String(content.Threshold), FeatureNames.Count),
            new GradePopulation(content.Rates, content.CutOff, elo),
            content.Calibration,
            content.Bins);
        _training = null;
    }

    private static GradePopulation FitPopulation(ResponseDataset training, List<int> students, CancellationToken cancellationToken)
    {
        var sequences = students.Select(s => training.Students[s]).ToList();
        var elo = NewElo();
        elo.Fit(training.Subset(students), new Random(0), cancellationToken);
        return new GradePopulation(
            PopulationRates.Fit(sequences, training.ItemCount, training.SkillCount),
            CutOffRates.Fit(sequences, training.SkillCount),
            elo);
    }

    /// <summary>Cuts one training student's sequence at <paramref name="fraction"/> and adds a row per target cell.</summary>
    private static void AddCells(
        IReadOnlyList<Observation> sequence, double fraction, GradePopulation population, TrainingRows target, List<(int Evidence, int Answers)>? cells)
    {
        var (cutOff, targets) = GradeForecastFold.Targets(sequence, fraction);
        if (targets.Count == 0)
        {
            return;
        }

        var history = new AnswerHistory();
        var elo = population.Elo.StartStudent(null);
        foreach (var observation in sequence.Take(cutOff))
        {
            history.Add(observation, population.Rates.RateOf(observation.Item, observation.Skills));
            elo.Observe(observation);
        }

        foreach (var cell in targets)
        {
            var features = new float[FeatureNames.Count];
            GradeFeatures.Compute(history, population, elo, cell.Skill, features);
            target.Add(features, cell.Score);
            cells?.Add((history.Skill(cell.Skill).Count, cell.Answers));
        }
    }

    /// <summary>The forecast on the logit scale before calibration: the score model's logit plus the threshold classifier's.</summary>
    internal static double Eta(BoostedTrees trees, BoostedTrees? threshold, ReadOnlySpan<float> features) =>
        Logit(trees.Predict(features)) + (threshold is null ? 0 : Logit(threshold.Predict(features)));

    internal static double Logit(double p)
    {
        var q = Math.Clamp(p, 1e-6, 1 - 1e-6);
        return Math.Log(q / (1 - q));
    }

    private static EloKnowledgeModel NewElo() => new("elo", new EloOptions());
}

/// <summary>The population statistics the grade features read: target encodings, forecast-regime rates and Elo.</summary>
internal sealed record GradePopulation(PopulationRates Rates, CutOffRates CutOff, EloKnowledgeModel Elo);

/// <summary>Everything a fitted <see cref="GbmGradeModel"/> needs to follow a student.</summary>
internal sealed record GbmGradeParameters(
    BoostedTrees Trees, BoostedTrees? Threshold, GradePopulation Population, MedianCalibration Calibration, CalibratedBins Bins);

/// <summary>The stored form: the ML.NET model zip as base64 beside the statistics, calibration and bins.</summary>
internal sealed record GbmGradeSnapshot(
    PopulationRates Rates, CutOffRates CutOff, ModelSnapshot Elo, MedianCalibration Calibration, CalibratedBins Bins, string Trees, string? Threshold);
