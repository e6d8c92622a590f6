using EduRecLti.Knowledge.Core;

namespace EduRecLti.Knowledge.Models.Bkt;

/// <summary>
/// Bayesian Knowledge Tracing (Corbett &amp; Anderson 1995), one 2-state HMM per skill fitted by EM with random
/// restarts, as in pyBKT, plus forgetting, per-item guess/slip and learn with Beta shrinkage, fixed parameters
/// and a relative convergence test. See <see cref="BktOptions"/> for the variants.
/// </summary>
public sealed class BktModel : IKnowledgeModel
{
    private BktSkillParameters?[] _skills = [];
    private BktSkillParameters? _fallback;
    private ResponseDataset? _training;

    public BktModel(string name, BktOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        Options = options ?? new BktOptions();
    }

    public string Name { get; }

    public BktOptions Options { get; }

    /// <summary>Fitted parameters by skill id; null for skills that had no training answers.</summary>
    public IReadOnlyList<BktSkillParameters?> Skills => _skills;

    /// <summary>
    /// The parameters used for a skill: its own when fitted, else the population average of the fitted skills
    /// (pyBKT predicts a flat 0.5 for unfitted skills; the average skill is a better guess for a new skill).
    /// </summary>
    public BktSkillParameters ParametersFor(int skill) =>
        (uint)skill < (uint)_skills.Length && _skills[skill] is { } fitted
            ? fitted
            : _fallback ?? throw new InvalidOperationException($"Model '{Name}' has not been fitted or restored.");

    public void Fit(ResponseDataset training, Random random, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(training);
        UseParameters(BktTrainer.Fit(training, Options, random, cancellationToken));
        _training = training;
    }

    public IStudentKnowledge StartStudent(int? student = null) => StartBktStudent(student);

    /// <summary>
    /// As <see cref="StartStudent"/>, typed for callers that need <see cref="BktStudentKnowledge.IsMastered"/>.
    /// A training student's answers are replayed, which needs the training data of this process's <see cref="Fit"/>.
    /// </summary>
    public BktStudentKnowledge StartBktStudent(int? student = null)
    {
        _ = ParametersFor(-1);
        var knowledge = new BktStudentKnowledge(this);
        if (student is not { } index)
        {
            return knowledge;
        }

        if (_training is null)
        {
            throw new InvalidOperationException("Training students can be replayed only after Fit in this process; use StartStudent(null) after Restore.");
        }

        foreach (var observation in _training.Students[index])
        {
            knowledge.Observe(observation);
        }

        return knowledge;
    }

    public ModelSnapshot Snapshot()
    {
        var fitted = _skills
            .Select((parameters, skill) => (parameters, skill))
            .Where(entry => entry.parameters is not null)
            .Select(entry => new BktSnapshotSkill(entry.skill, entry.parameters!))
            .ToList();
        var content = new BktSnapshotContent(_skills.Length, ParametersFor(-1), fitted);
        return new ModelSnapshot(Name, BktSnapshotContent.FormatVersion, content.ToJson());
    }

    public void Restore(ModelSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (snapshot.Model != Name || snapshot.FormatVersion != BktSnapshotContent.FormatVersion)
        {
            throw new ArgumentException(
                $"Snapshot of '{snapshot.Model}' v{snapshot.FormatVersion} cannot be restored into '{Name}' v{BktSnapshotContent.FormatVersion}.",
                nameof(snapshot));
        }

        var content = BktSnapshotContent.FromJson(snapshot.Parameters);
        var skills = new BktSkillParameters?[content.SkillCount];
        foreach (var entry in content.Skills)
        {
            skills[entry.Skill] = entry.Parameters;
        }

        _skills = skills;
        _fallback = content.Fallback;
        _training = null;
    }

    /// <summary>Installs parameters by skill id (null = not fitted) and derives the fallback skill from them.</summary>
    internal void UseParameters(BktSkillParameters?[] skills)
    {
        var fitted = skills.OfType<BktSkillParameters>().ToList();
        if (fitted.Count == 0)
        {
            throw new ArgumentException("The training data has no answers on any skill.", nameof(skills));
        }

        _skills = skills;
        _fallback = new BktSkillParameters(
            fitted.Average(s => s.Prior),
            new BktStepParameters(
                fitted.Average(s => s.Skill.Learn),
                fitted.Average(s => s.Skill.Forget),
                fitted.Average(s => s.Skill.Guess),
                fitted.Average(s => s.Skill.Slip)),
            [],
            []);
    }
}
