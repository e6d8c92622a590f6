using EduRecLti.Knowledge.Core;
using EduRecLti.Knowledge.Evaluation;
using EduRecLti.Knowledge.MlNet.History;

namespace EduRecLti.Knowledge.MlNet.Grades;

/// <summary>
/// One student under a fitted <see cref="GbmGradeModel"/>: the skill forecast is the calibrated tree forecast from the
/// answers so far, mastery is that forecast with its calibrated-bin interval, and an answer to an item is predicted
/// by the mean forecast of the item's skills (the model is not an item-level predictor; gbm-items is).
/// </summary>
internal sealed class GbmGradeStudent(GbmGradeParameters parameters) : IStudentKnowledge, ISkillScoreForecast, IExplainsMastery
{
    private readonly AnswerHistory _history = new();
    private readonly IStudentKnowledge _elo = parameters.Population.Elo.StartStudent(null);
    private readonly float[] _features = new float[GradeFeatures.Names.Count];

    public double PredictCorrect(int item, int[] skills, long timestamp)
    {
        ArgumentNullException.ThrowIfNull(skills);
        return skills.Length == 0 ? _elo.PredictCorrect(item, skills, timestamp) : skills.Average(s => ForecastSkillScore(s, timestamp));
    }

    public void Observe(in Observation observation)
    {
        _history.Add(observation, parameters.Population.Rates.RateOf(observation.Item, observation.Skills));
        _elo.Observe(observation);
    }

    public double ForecastSkillScore(int skill, long timestamp)
    {
        GradeFeatures.Compute(_history, parameters.Population, _elo, skill, _features);
        return parameters.Calibration.Apply(GbmGradeModel.Eta(parameters.Trees, parameters.Threshold, _features));
    }

    public SkillMastery Mastery(int skill)
    {
        var estimate = ForecastSkillScore(skill, _history.Answers);
        var evidence = _history.Skill(skill).Count;
        var (lower, upper) = parameters.Bins.Interval(estimate, evidence);
        return new SkillMastery(estimate, Math.Min(lower, estimate), Math.Max(upper, estimate), evidence);
    }

    public IReadOnlyList<MasteryFactor> Explain(int skill, int count)
    {
        GradeFeatures.Compute(_history, parameters.Population, _elo, skill, _features);
        var contributions = parameters.Trees.Contributions(_features);
        return [.. contributions
            .Select((c, i) => new MasteryFactor(GradeFeatures.Names[i], _features[i], c))
            .Where(f => f.Contribution != 0)
            .OrderByDescending(f => Math.Abs(f.Contribution))
            .Take(count)];
    }
}
