using System.Text.Json;
using EduRecLti.Knowledge.Core;

namespace EduRecLti.Knowledge.Models.Logistic.Elo;

/// <summary>
/// Elo for learners: P(correct) = σ(θ − b_item − mean b_skill). Fit replays the training students once, moving the
/// student's θ and the item/skill difficulties after each answer; new students start at θ = 0 and only θ moves.
/// </summary>
/// <remarks>
/// θ is an honest online ability for unseen students: it is learned only from answers already given, exactly as
/// in live use. Difficulties are frozen after Fit so following one student never changes another's predictions.
/// </remarks>
public sealed class EloKnowledgeModel : IKnowledgeModel
{
    private const int FormatVersion = 1;
    private EloParameters? _parameters;
    private ResponseDataset? _training;

    public EloKnowledgeModel(string name, EloOptions options)
    {
        Name = name;
        Options = options ?? throw new ArgumentNullException(nameof(options));
    }

    public string Name { get; }

    public EloOptions Options { get; private set; }

    /// <remarks>The single chronological pass is deterministic; <paramref name="random"/> is not needed.</remarks>
    public void Fit(ResponseDataset training, Random random, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(training);
        var parameters = new EloParameters(new double[training.ItemCount], new double[training.SkillCount], new double[training.SkillCount]);
        var itemUpdates = new int[training.ItemCount];
        var skillUpdates = new int[training.SkillCount];
        foreach (var sequence in training.Students)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var student = new EloStudent(parameters, Options);
            foreach (var observation in sequence)
            {
                var residual = observation.Score - student.PredictCorrect(observation.Item, observation.Skills, observation.Timestamp);
                if (observation.Item >= 0 && observation.Item < itemUpdates.Length)
                {
                    parameters.ItemDifficulty[observation.Item] -= Options.StepSize(itemUpdates[observation.Item]++) * residual;
                }

                foreach (var skill in EloStudent.KnownSkills(observation.Skills, skillUpdates.Length))
                {
                    parameters.SkillDifficulty[skill] -= Options.StepSize(skillUpdates[skill]++) * residual;
                }

                student.Observe(observation);
            }
        }

        AverageItemDifficultyPerSkill(training, parameters);
        _parameters = parameters;
        _training = training;
    }

    public IStudentKnowledge StartStudent(int? student = null)
    {
        var state = new EloStudent(_parameters ?? throw new InvalidOperationException("Fit or Restore the model first."), Options);
        if (student is { } index && _training is not null && index >= 0 && index < _training.Students.Count)
        {
            foreach (var observation in _training.Students[index])
            {
                state.Observe(observation);
            }
        }

        return state;
    }

    public ModelSnapshot Snapshot() => new(
        Name,
        FormatVersion,
        JsonSerializer.Serialize(new EloSnapshot(Options, _parameters ?? throw new InvalidOperationException("Nothing to snapshot."))));

    public void Restore(ModelSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (snapshot.Model != Name || snapshot.FormatVersion != FormatVersion)
        {
            throw new InvalidOperationException($"Snapshot {snapshot.Model} v{snapshot.FormatVersion} cannot be read by {Name} v{FormatVersion}.");
        }

        var stored = JsonSerializer.Deserialize<EloSnapshot>(snapshot.Parameters) ?? throw new InvalidOperationException("Empty snapshot.");
        Options = stored.Options;
        _parameters = stored.Parameters;
        _training = null;
    }

    /// <summary>The typical item of a skill (used by Mastery) has the mean difficulty of the skill's training items.</summary>
    private static void AverageItemDifficultyPerSkill(ResponseDataset training, EloParameters parameters)
    {
        var counts = new int[parameters.SkillDifficulty.Length];
        var seen = new HashSet<(int, int)>();
        foreach (var observation in training.Students.SelectMany(s => s))
        {
            if (observation.Item < 0 || observation.Item >= parameters.ItemDifficulty.Length)
            {
                continue;
            }

            foreach (var skill in EloStudent.KnownSkills(observation.Skills, counts.Length).Where(s => seen.Add((observation.Item, s))))
            {
                parameters.TypicalItemDifficulty[skill] += parameters.ItemDifficulty[observation.Item];
                counts[skill]++;
            }
        }

        for (var skill = 0; skill < counts.Length; skill++)
        {
            parameters.TypicalItemDifficulty[skill] /= Math.Max(1, counts[skill]);
        }
    }

    private sealed record EloSnapshot(EloOptions Options, EloParameters Parameters);
}

/// <summary>Fitted difficulties (logit scale) of items and skills, and each skill's mean item difficulty.</summary>
internal sealed record EloParameters(double[] ItemDifficulty, double[] SkillDifficulty, double[] TypicalItemDifficulty);
