using EduRecLti.Knowledge.Core;
using EduRecLti.Knowledge.Evaluation;

namespace EduRecLti.Knowledge.Selection;

/// <summary>
/// Chooses and trains the knowledge model of one course: K-fold cross-validation by student over catalog candidates
/// (each held-out student is followed online, predicting every answer before observing it, as the live panel does),
/// lowest log-loss wins; small courses keep the default model. Returns the <see cref="TrainedModel"/> to store.
/// </summary>
public sealed class CourseModelSelector(SelectionOptions options, TimeProvider timeProvider, Func<string, IKnowledgeModel?>? factory = null)
{
    private readonly Func<string, IKnowledgeModel?> _factory = factory ?? (name => ModelCatalog.TryCreate(name, out var model) ? model : null);

    public TrainedModel Train(ResponseDataset course, IReadOnlyList<string> candidates, Random random, int version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(course);
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(random);
        var started = timeProvider.GetTimestamp();
        var scores = new List<CandidateScore>();
        string chosen;
        string reason;
        if (course.Students.Count < options.MinimumStudents || course.ObservationCount < options.MinimumObservations)
        {
            chosen = options.DefaultModel;
            reason = $"small data ({course.Students.Count} students, {course.ObservationCount} observations; " +
                $"cross-validation needs {options.MinimumStudents} and {options.MinimumObservations}): default model";
        }
        else
        {
            var folds = StudentFolds(course.Students.Count, random);
            scores.AddRange(candidates.Select(name => CrossValidate(name, course, folds, random, cancellationToken)));
            var best = scores.Where(s => s.Failure is null && double.IsFinite(s.LogLoss)).MinBy(s => s.LogLoss);
            chosen = best?.Model ?? options.DefaultModel;
            reason = best is null
                ? "no candidate could be cross-validated: default model"
                : $"lowest {options.Folds}-fold cross-validated log-loss ({best.LogLoss:F4})";
        }

        var model = Create(chosen) ?? throw new InvalidOperationException($"Model '{chosen}' is not available.");
        model.Fit(course, random, cancellationToken);
        return new TrainedModel(
            model.Name,
            version,
            model.Snapshot(),
            scores,
            reason,
            course.Students.Count,
            course.ObservationCount,
            timeProvider.GetUtcNow(),
            timeProvider.GetElapsedTime(started));
    }

    private IKnowledgeModel? Create(string name) => _factory(name);

    private int[] StudentFolds(int students, Random random)
    {
        var order = Enumerable.Range(0, students).ToArray();
        random.Shuffle(order);
        var folds = new int[students];
        for (var i = 0; i < order.Length; i++)
        {
            folds[order[i]] = i % options.Folds;
        }

        return folds;
    }

    private CandidateScore CrossValidate(string name, ResponseDataset course, int[] folds, Random random, CancellationToken cancellationToken)
    {
        var predictions = new List<double>();
        var outcomes = new List<double>();
        try
        {
            for (var fold = 0; fold < options.Folds; fold++)
            {
                var model = Create(name) ?? throw new NotSupportedException("not in the catalog");
                var training = course.Subset(Enumerable.Range(0, folds.Length).Where(s => folds[s] != fold));
                if (model is IApplicabilityCheck check && check.RejectionReason(training) is { } rejection)
                {
                    throw new NotSupportedException(rejection);
                }

                model.Fit(training, random, cancellationToken);
                foreach (var student in Enumerable.Range(0, folds.Length).Where(s => folds[s] == fold))
                {
                    FollowOnline(model.StartStudent(null), course.Students[student], predictions, outcomes);
                }
            }
        }
        catch (NotSupportedException exception)
        {
            return new CandidateScore(name, double.NaN, double.NaN, 0, exception.Message);
        }

        return new CandidateScore(
            name,
            Metrics.LogLoss(predictions, outcomes),
            Metrics.Auc(predictions, outcomes.Select(y => y >= 0.5).ToList()),
            predictions.Count);
    }

    private static void FollowOnline(IStudentKnowledge student, IReadOnlyList<Observation> answers, List<double> predictions, List<double> outcomes)
    {
        foreach (var answer in answers)
        {
            predictions.Add(student.PredictCorrect(answer.Item, answer.Skills, answer.Timestamp));
            outcomes.Add(answer.Score);
            student.Observe(answer);
        }
    }
}
