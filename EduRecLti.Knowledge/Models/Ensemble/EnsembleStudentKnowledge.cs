using EduRecLti.Knowledge.Core;
using EduRecLti.Knowledge.Evaluation;

namespace EduRecLti.Knowledge.Models.Ensemble;

/// <summary>
/// One student under a fitted <see cref="EnsembleModel"/>: every member follows the student; answer predictions are
/// the mixture (mean) of the members' posterior predictives, skill forecasts the stacker's when one was learnt.
/// </summary>
internal sealed class EnsembleStudentKnowledge(IReadOnlyList<IStudentKnowledge> members, StackParameters? stack, double recencyDecay)
    : IStudentKnowledge, ISkillScoreForecast
{
    private readonly SkillHistory _history = new(recencyDecay);

    public double PredictCorrect(int item, int[] skills, long timestamp) =>
        members.Average(m => m.PredictCorrect(item, skills, timestamp));

    public void Observe(in Observation observation)
    {
        foreach (var member in members)
        {
            member.Observe(observation);
        }

        _history.Add(observation);
    }

    /// <summary>The members' mean mastery and mean interval; the estimate is the stacked forecast when there is one.</summary>
    public SkillMastery Mastery(int skill)
    {
        var masteries = members.Select(m => m.Mastery(skill)).ToList();
        var estimate = stack is null ? masteries.Average(m => m.Estimate) : ForecastSkillScore(skill, _history.Answers);
        return new SkillMastery(
            estimate,
            Math.Min(estimate, masteries.Average(m => m.Lower)),
            Math.Max(estimate, masteries.Average(m => m.Upper)),
            masteries.Max(m => m.Evidence));
    }

    public double ForecastSkillScore(int skill, long timestamp)
    {
        if (stack is null)
        {
            return members.Average(m => m is ISkillScoreForecast f ? f.ForecastSkillScore(skill, timestamp) : m.Mastery(skill).Estimate);
        }

        return stack.Calibration.Apply(stack.Eta(SkillForecastFeatures.Compute(members, _history, skill, timestamp, stack.SkillSlots, stack.SeenSkillSlots)));
    }
}
