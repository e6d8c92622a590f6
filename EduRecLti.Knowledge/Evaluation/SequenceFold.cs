using EduRecLti.Knowledge.Core;
using EduRecLti.Knowledge.Datasets;

namespace EduRecLti.Knowledge.Evaluation;

/// <summary>
/// Knowledge-tracing protocol ("strong generalisation"): fit on the training students; follow every test student
/// as a new student (<c>StartStudent(null)</c>), predicting each answer before observing it, in time order.
/// </summary>
public sealed class SequenceFold(LoadedDataset dataset, StudentFold fold) : HeldOutStudentsFold(dataset, fold)
{
    public override FoldOutcome Score(IKnowledgeModel fitted, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fitted);
        var predictions = new List<double>(Test.ObservationCount);
        var outcomes = new List<double>(Test.ObservationCount);
        foreach (var sequence in Test.Students)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var student = fitted.StartStudent(null);
            foreach (var observation in sequence)
            {
                predictions.Add(Checked(student.PredictCorrect(observation.Item, observation.Skills, observation.Timestamp), fitted));
                outcomes.Add(observation.Score);
                student.Observe(observation);
            }
        }

        return BinaryOutcome(predictions, outcomes);
    }
}
