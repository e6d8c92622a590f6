using EduRecLti.Knowledge.Core;
using EduRecLti.Knowledge.Models.Logistic.Features;
using EduRecLti.Knowledge.Models.Logistic.Training;

namespace EduRecLti.Knowledge.Models.Logistic;

/// <summary>One student followed by a fitted logistic-family model: running counts in, predictions out.</summary>
internal sealed class LogisticStudent : IStudentKnowledge
{
    private readonly Featurizer _featurizer;
    private readonly FactorizationMachine _machine;
    private readonly double[] _typicalItemWeight;
    private readonly StudentHistory _history;
    private readonly SparseRow _row = new();
    private long _lastTimestamp;

    public LogisticStudent(Featurizer featurizer, FactorizationMachine machine, double[] typicalItemWeight)
    {
        _featurizer = featurizer;
        _machine = machine;
        _typicalItemWeight = typicalItemWeight;
        _history = featurizer.NewHistory();
    }

    public double PredictCorrect(int item, int[] skills, long timestamp)
    {
        _featurizer.Write(_history, item, skills, timestamp, _row);
        return LogisticObjective.Sigmoid(_machine.Logit(_row.ColumnSpan, _row.ValueSpan));
    }

    public void Observe(in Observation observation)
    {
        _history.Observe(observation.Item, observation.Skills, observation.Correct, observation.Timestamp);
        _lastTimestamp = observation.Timestamp;
    }

    /// <summary>
    /// Predicted success on a typical item of the skill now: the skill's features with the mean fitted difficulty of
    /// its training items in place of a specific item (see <see cref="MasteryInterval"/> for the interval).
    /// </summary>
    public SkillMastery Mastery(int skill)
    {
        if (skill < 0 || skill >= _typicalItemWeight.Length)
        {
            return MasteryInterval.From(PredictCorrect(-1, [], _lastTimestamp), 0);
        }

        _featurizer.Write(_history, -1, [skill], _lastTimestamp, _row);
        var logit = _machine.Logit(_row.ColumnSpan, _row.ValueSpan) + _typicalItemWeight[skill];
        return MasteryInterval.From(LogisticObjective.Sigmoid(logit), _history.SkillAttempts(skill));
    }
}
