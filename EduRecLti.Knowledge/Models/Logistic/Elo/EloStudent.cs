using EduRecLti.Knowledge.Core;
using EduRecLti.Knowledge.Models.Logistic.Training;

namespace EduRecLti.Knowledge.Models.Logistic.Elo;

/// <summary>One student's Elo ability θ; an update is one logistic evaluation and one addition.</summary>
internal sealed class EloStudent : IStudentKnowledge
{
    private readonly EloParameters _parameters;
    private readonly EloOptions _options;
    private readonly Dictionary<int, int> _skillEvidence = [];
    private int _updates;

    public EloStudent(EloParameters parameters, EloOptions options)
    {
        _parameters = parameters;
        _options = options;
    }

    public double Ability { get; private set; }

    public double PredictCorrect(int item, int[] skills, long timestamp) =>
        LogisticObjective.Sigmoid(Ability - Difficulty(item, skills));

    public void Observe(in Observation observation)
    {
        var residual = observation.Score - PredictCorrect(observation.Item, observation.Skills, observation.Timestamp);
        Ability += _options.StepSize(_updates++) * residual;
        foreach (var skill in KnownSkills(observation.Skills, _parameters.SkillDifficulty.Length))
        {
            _skillEvidence[skill] = _skillEvidence.GetValueOrDefault(skill) + 1;
        }
    }

    public SkillMastery Mastery(int skill)
    {
        var difficulty = skill >= 0 && skill < _parameters.SkillDifficulty.Length
            ? _parameters.TypicalItemDifficulty[skill] + _parameters.SkillDifficulty[skill]
            : 0;
        return MasteryInterval.From(LogisticObjective.Sigmoid(Ability - difficulty), _skillEvidence.GetValueOrDefault(skill));
    }

    public static IEnumerable<int> KnownSkills(int[] skills, int skillCount) =>
        skills.Where(s => s >= 0 && s < skillCount).Distinct();

    private double Difficulty(int item, int[] skills)
    {
        var itemDifficulty = item >= 0 && item < _parameters.ItemDifficulty.Length ? _parameters.ItemDifficulty[item] : 0;
        var known = KnownSkills(skills, _parameters.SkillDifficulty.Length).ToArray();
        return itemDifficulty + (known.Length == 0 ? 0 : known.Average(s => _parameters.SkillDifficulty[s]));
    }
}
