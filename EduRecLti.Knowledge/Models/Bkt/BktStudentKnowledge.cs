using EduRecLti.Knowledge.Core;
using EduRecLti.Knowledge.Evaluation;
using MathNet.Numerics.Distributions;

namespace EduRecLti.Knowledge.Models.Bkt;

/// <summary>
/// One student's live BKT state: the belief [P(unknown), P(L)] per skill, updated by Bayes' rule and the learn/forget
/// transition after every answer (pyBKT Roster's update), O(1) per skill regardless of history length.
/// </summary>
/// <remarks>
/// An item tagged with several skills is predicted as the mean of its skills' P(correct) (pyKT's "all in one"
/// mean aggregation) and updates every one of those skills with the same answer, matching how the fit counts it
/// (one row per skill). An item without skills uses the model's population-average skill. Timestamps are ignored:
/// BKT's transitions are per opportunity, not per unit of time.
/// </remarks>
public sealed class BktStudentKnowledge : IStudentKnowledge, ISkillScoreForecast
{
    private const int NoSkill = -1;
    private const double IntervalTail = 0.025;

    private readonly BktModel _model;
    private readonly Dictionary<int, (BktBelief Belief, int Evidence)> _states = [];

    internal BktStudentKnowledge(BktModel model) => _model = model;

    public double PredictCorrect(int item, int[] skills, long timestamp)
    {
        ArgumentNullException.ThrowIfNull(skills);
        if (skills.Length == 0)
        {
            return PredictSkill(item, NoSkill);
        }

        var sum = 0.0;
        foreach (var skill in skills)
        {
            sum += PredictSkill(item, skill);
        }

        return sum / skills.Length;
    }

    public void Observe(in Observation observation)
    {
        var skills = observation.Skills ?? [];
        if (skills.Length == 0)
        {
            ObserveSkill(observation.Item, NoSkill, observation.Correct);
        }

        foreach (var skill in skills)
        {
            ObserveSkill(observation.Item, skill, observation.Correct);
        }
    }

    /// <summary>
    /// P(L) before the next answer, with a 95% interval. P(L) is the probability of a binary latent state and has no
    /// spread of its own, so the interval says how much evidence stands behind it: the estimate is read as a
    /// proportion seen over n answers on the skill, Beta(1 + n·P, 1 + n·(1 − P)) with a uniform prior. With no
    /// answers it spans almost all of [0,1]; it narrows as answers accumulate.
    /// </summary>
    public SkillMastery Mastery(int skill)
    {
        var (belief, evidence) = State(skill);
        var known = belief.Known;
        var alpha = 1 + (evidence * known);
        var beta = 1 + (evidence * (1 - known));
        var lower = Math.Min(known, Beta.InvCDF(alpha, beta, IntervalTail));
        var upper = Math.Max(known, Beta.InvCDF(alpha, beta, 1 - IntervalTail));
        return new SkillMastery(known, lower, upper, evidence);
    }

    /// <summary>
    /// Expected fraction correct on the skill's coming work: P(correct) of the next answer on a typical item of the
    /// skill (skill-level guess/slip), L·(1 − S) + (1 − L)·G. P(L) itself is a probability of mastery, not a score: it
    /// ignores guesses (understating the score of a student who has not mastered the skill) and slips (overstating it
    /// for one who has). The number of coming answers is unknown by design (it leaks performance in skill builders).
    /// </summary>
    public double ForecastSkillScore(int skill, long timestamp) =>
        _model.ParametersFor(skill).Skill.PredictCorrect(State(skill).Belief);

    /// <summary>True when P(L) reaches <see cref="BktOptions.MasteryThreshold"/> (pyBKT Roster's MASTERED state).</summary>
    public bool IsMastered(int skill) => State(skill).Belief.Known >= _model.Options.MasteryThreshold;

    private double PredictSkill(int item, int skill) =>
        _model.ParametersFor(skill).ForItem(item).PredictCorrect(State(skill).Belief);

    private void ObserveSkill(int item, int skill, bool correct)
    {
        var step = _model.ParametersFor(skill).ForItem(item);
        var (belief, evidence) = State(skill);
        _states[skill] = (step.Transition(step.Posterior(belief, correct, out _)), evidence + 1);
    }

    private (BktBelief Belief, int Evidence) State(int skill) =>
        _states.TryGetValue(skill, out var state) ? state : (BktBelief.FromPrior(_model.ParametersFor(skill).Prior), 0);
}
