using EduRecLti.Knowledge.Core;
using EduRecLti.Knowledge.Datasets;

namespace EduRecLti.Knowledge.Evaluation;

/// <summary>
/// Knowledge-tracing protocol ("strong generalisation"): fit on the training students; follow every test student
/// as a new student (<c>StartStudent(null)</c>), predicting each answer before observing it, in time order.
/// </summary>
public sealed class SequenceFold : PreparedFold
{
    private readonly ResponseDataset _test;

    public SequenceFold(LoadedDataset dataset, StudentFold fold)
        : base(fold.Name, Slice(dataset.Data, fold.TrainStudents.Select(s => dataset.Data.Students[s]), $"{dataset.Name}/{fold.Name}/train"))
    {
        ArgumentNullException.ThrowIfNull(fold);
        _test = Slice(dataset.Data, fold.TestStudents.Select(s => dataset.Data.Students[s]), $"{dataset.Name}/{fold.Name}/test");
        TestStudents = _test.Students.Count;
    }

    public override FoldOutcome Score(IKnowledgeModel fitted, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fitted);
        var predictions = new List<double>(_test.ObservationCount);
        var outcomes = new List<double>(_test.ObservationCount);
        foreach (var sequence in _test.Students)
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
