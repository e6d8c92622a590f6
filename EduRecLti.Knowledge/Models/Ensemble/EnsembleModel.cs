using EduRecLti.Knowledge.Core;
using EduRecLti.Knowledge.Evaluation;
using EduRecLti.Knowledge.Models.Grades;
using EduRecLti.Knowledge.Selection;

namespace EduRecLti.Knowledge.Models.Ensemble;

/// <summary>
/// Several member models following the same student. Answer predictions are the mean of the members' posterior
/// predictives (a uniform Bayesian-model-averaging mixture). With <see cref="EnsembleOptions.StackSkillForecasts"/>
/// the grade-level forecast is a stacked logistic regression (Wolpert 1992; Breiman 1996) of the members' forecasts
/// and the student's skill history, logit f = w·x, fitted by binomial MAP on the grade recipe's own targets
/// (per-skill score after a 70% cut-off) of training students, each scored by members fitted without them.
/// </summary>
public sealed class EnsembleModel(string name, EnsembleOptions options) : IKnowledgeModel
{
    public const int FormatVersion = 2;

    /// <summary>Prior precision of the stacker's intercept: practically flat.</summary>
    private const double InterceptPrecision = 1e-6;

    private const int StackNewtonSteps = 50;

    private List<IKnowledgeModel> _members = [];
    private StackParameters? _stack;

    public string Name { get; } = name;

    public EnsembleOptions Options { get; } = options;

    /// <summary>The stacker's weights (members' logits first, then <see cref="SkillForecastFeatures"/>), or null.</summary>
    public IReadOnlyList<double>? StackWeights => _stack?.Weights;

    public void Fit(ResponseDataset training, Random random, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(random);
        var memberSeed = random.Next();
        _stack = Options.StackSkillForecasts ? FitStacker(training, random, cancellationToken) : null;
        _members = FitMembers(training, memberSeed, cancellationToken);
    }

    public IStudentKnowledge StartStudent(int? student = null)
    {
        if (_members.Count == 0)
        {
            throw new InvalidOperationException("Fit or Restore the model first.");
        }

        return new EnsembleStudentKnowledge(_members.Select(m => m.StartStudent(student)).ToList(), _stack, Options.RecencyDecay);
    }

    public ModelSnapshot Snapshot() =>
        JsonSnapshots.Write(Name, FormatVersion, _members.Count == 0 ? null : new EnsembleSnapshotContent([.. _members.Select(m => m.Snapshot())], _stack));

    public void Restore(ModelSnapshot snapshot)
    {
        var content = JsonSnapshots.Read<EnsembleSnapshotContent>(snapshot, FormatVersion);
        if (content.Members.Count != Options.Members.Count)
        {
            throw new InvalidDataException($"{Name} snapshot has {content.Members.Count} members, expected {Options.Members.Count}.");
        }

        var members = Options.Members.Select(f => f()).ToList();
        for (var m = 0; m < members.Count; m++)
        {
            members[m].Restore(content.Members[m]);
        }

        _members = members;
        _stack = content.Stack;
    }

    private List<IKnowledgeModel> FitMembers(ResponseDataset training, int seed, CancellationToken cancellationToken)
    {
        var members = Options.Members.Select(f => f()).ToList();
        for (var m = 0; m < members.Count; m++)
        {
            members[m].Fit(training, new Random(unchecked(seed + m)), cancellationToken);
        }

        return members;
    }

    /// <summary>Cross-fitted stacking: every training student's features come from members fitted without the student.</summary>
    private StackParameters FitStacker(ResponseDataset training, Random random, CancellationToken cancellationToken)
    {
        var skillSlots = Options.SkillIntercepts ? training.SkillCount : 0;
        var order = Enumerable.Range(0, training.Students.Count).ToArray();
        random.Shuffle(order);
        var groups = Math.Clamp(Options.CrossFitGroups, 2, Math.Max(2, order.Length));
        var seenSkillSlots = Options.SkillIntercepts && Options.SeenSkillIntercepts;
        var cells = new List<(double[] X, double Score)>();
        for (var g = 0; g < groups; g++)
        {
            var held = order.Where((_, i) => i % groups == g).ToList();
            var rest = order.Where((_, i) => i % groups != g).ToList();
            var members = FitMembers(Renumbered(training, rest), random.Next(), cancellationToken);
            foreach (var student in held)
            {
                AddStackCells(cells, members, training.Students[student], skillSlots, seenSkillSlots);
            }
        }

        var weights = FitStackWeights(cells, c => c.Score);
        var thresholdWeights = Options.ThresholdStack is { } threshold ? FitStackWeights(cells, c => c.Score >= threshold ? 1 : 0) : null;
        var stack = new StackParameters(weights, skillSlots, seenSkillSlots, MedianCalibration.Identity, thresholdWeights);
        return Options.CalibrateForAbsoluteError
            ? stack with { Calibration = MedianCalibration.Fit(cells.Select(c => stack.Eta(c.X)).ToList(), cells.Select(c => c.Score).ToList()) }
            : stack;
    }

    private double[] FitStackWeights(List<(double[] X, double Score)> cells, Func<(double[] X, double Score), double> target)
    {
        var block = new LogisticBlock(cells[0].X.Length);
        cells.ForEach(c => block.AddCell(c.X, 0, 1, target(c)));
        for (var i = 0; i < block.Size; i++)
        {
            block.PriorPrecision[i] = i == SkillForecastFeatures.Intercept(Options.Members.Count) ? InterceptPrecision : Options.StackPrecision;
        }

        block.Fit(StackNewtonSteps, 1e-10);
        return [.. block.Weights];
    }

    private void AddStackCells(
        List<(double[] X, double Score)> cells, List<IKnowledgeModel> members, IReadOnlyList<Observation> sequence, int skillSlots, bool seenSkillSlots)
    {
        var (cutOff, targets) = GradeForecastFold.Targets(sequence);
        if (targets.Count == 0)
        {
            return;
        }

        var students = members.Select(m => m.StartStudent(null)).ToList();
        var history = new SkillHistory(Options.RecencyDecay);
        foreach (var observation in sequence.Take(cutOff))
        {
            students.ForEach(s => s.Observe(observation));
            history.Add(observation);
        }

        foreach (var target in targets)
        {
            cells.Add((SkillForecastFeatures.Compute(students, history, target.Skill, cutOff, skillSlots, seenSkillSlots), target.Score));
        }
    }

    private static ResponseDataset Renumbered(ResponseDataset training, List<int> students) =>
        new(
            training.Name,
            students.Select((s, i) => (IReadOnlyList<Observation>)training.Students[s].Select(o => o with { Student = i }).ToList()).ToList(),
            training.ItemCount,
            training.SkillCount,
            training.ItemSkills);
}

/// <summary>What an <see cref="EnsembleModel"/> snapshot stores: its members' snapshots and the stacker's weights.</summary>
internal sealed record EnsembleSnapshotContent(List<ModelSnapshot> Members, StackParameters? Stack);

/// <summary>
/// The stacker: weights over <see cref="SkillForecastFeatures"/>, how many skill intercepts they end with (and whether
/// skill × seen ones follow), the optional threshold classifier's weights added to the linear predictor, and the
/// monotone map of the linear predictor to the forecast.
/// </summary>
internal sealed record StackParameters(
    double[] Weights, int SkillSlots, bool SeenSkillSlots, MedianCalibration Calibration, double[]? ThresholdWeights = null)
{
    public double Eta(double[] x) => Dot(Weights, x) + (ThresholdWeights is null ? 0 : Dot(ThresholdWeights, x));

    private static double Dot(double[] w, double[] x)
    {
        var eta = 0.0;
        for (var i = 0; i < x.Length; i++)
        {
            eta += w[i] * x[i];
        }

        return eta;
    }
}
