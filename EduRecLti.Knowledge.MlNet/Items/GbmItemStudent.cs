using EduRecLti.Knowledge.Core;
using EduRecLti.Knowledge.MlNet.History;

namespace EduRecLti.Knowledge.MlNet.Items;

/// <summary>
/// One student under a fitted <see cref="GbmItemModel"/>: the history is updated per answer and the trees score the
/// features of the next item. Mastery of a skill is the forecast for the skill's most answered training item, with
/// the calibrated-bin interval; its explanation is ML.NET's feature contributions for that same forecast.
/// </summary>
internal sealed class GbmItemStudent(GbmItemParameters parameters, IReadOnlyList<string> featureNames) : IStudentKnowledge, IExplainsMastery
{
    private readonly AnswerHistory _history = new();
    private readonly IStudentKnowledge? _elo = parameters.Population.Elo?.StartStudent(null);
    private readonly float[] _features = new float[featureNames.Count];

    public double PredictCorrect(int item, int[] skills, long timestamp)
    {
        ItemFeatures.Compute(_history, parameters.Population, _elo, item, skills, timestamp, _features);
        return parameters.Trees.Predict(_features);
    }

    public void Observe(in Observation observation)
    {
        _history.Add(observation, parameters.Population.Rates.RateOf(observation.Item, observation.Skills));
        _elo?.Observe(observation);
    }

    public SkillMastery Mastery(int skill)
    {
        var estimate = PredictCorrect(TypicalItem(skill), [skill], _history.Answers);
        var evidence = _history.Skill(skill).Count;
        var (lower, upper) = parameters.Bins.Interval(estimate, evidence);
        return new SkillMastery(estimate, Math.Min(lower, estimate), Math.Max(upper, estimate), evidence);
    }

    public IReadOnlyList<MasteryFactor> Explain(int skill, int count)
    {
        ItemFeatures.Compute(_history, parameters.Population, _elo, TypicalItem(skill), [skill], _history.Answers, _features);
        var contributions = parameters.Trees.Contributions(_features);
        return [.. contributions
            .Select((c, i) => new MasteryFactor(featureNames[i], _features[i], c))
            .Where(f => f.Contribution != 0)
            .OrderByDescending(f => Math.Abs(f.Contribution))
            .Take(count)];
    }

    private int TypicalItem(int skill) =>
        skill >= 0 && skill < parameters.Population.Rates.TypicalItem.Length ? parameters.Population.Rates.TypicalItem[skill] : -1;
}
