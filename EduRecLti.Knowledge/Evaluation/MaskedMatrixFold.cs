using EduRecLti.Knowledge.Core;
using EduRecLti.Knowledge.Datasets;

namespace EduRecLti.Knowledge.Evaluation;

/// <summary>
/// Complete-matrix protocol: a random 20% of all cells is masked; the model is fitted on every student's remaining
/// cells, and each masked cell is predicted through <c>StartStudent(student)</c> of the fitted student, with no
/// further observations (so one masked answer never informs another).
/// </summary>
public sealed class MaskedMatrixFold : PreparedFold
{
    public const double MaskedFraction = 0.2;

    private readonly List<Observation> _masked;

    private MaskedMatrixFold(string name, ResponseDataset training, List<Observation> masked)
        : base(name, training)
    {
        _masked = masked;
        TestStudents = masked.Select(o => o.Student).Distinct().Count();
    }

    /// <summary>Draws one mask per repetition from <paramref name="random"/> (so all masks follow from the seed).</summary>
    public static IEnumerable<MaskedMatrixFold> Create(LoadedDataset dataset, StudentFold students, int repetitions, Random random)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(students);
        ArgumentNullException.ThrowIfNull(random);
        var sequences = Renumber(students.TrainStudents.Select(s => dataset.Data.Students[s]));
        var cells = sequences.SelectMany(s => s).ToArray();
        for (var r = 1; r <= repetitions; r++)
        {
            var order = Enumerable.Range(0, cells.Length).ToArray();
            random.Shuffle(order);
            var maskedIndex = order.Take((int)Math.Round(MaskedFraction * cells.Length)).ToHashSet();
            var masked = maskedIndex.Order().Select(i => cells[i]).ToList();
            var kept = cells.Where((_, i) => !maskedIndex.Contains(i)).ToLookup(o => o.Student);
            var training = new ResponseDataset(
                $"{dataset.Name}/mask{r}/train",
                sequences.Select((_, s) => (IReadOnlyList<Observation>)kept[s].ToList()).ToList(),
                dataset.Data.ItemCount,
                dataset.Data.SkillCount,
                dataset.Data.ItemSkills);
            yield return new MaskedMatrixFold($"mask{r}", training, masked);
        }
    }

    public override FoldOutcome Score(IKnowledgeModel fitted, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fitted);
        var predictions = new List<double>(_masked.Count);
        var outcomes = new List<double>(_masked.Count);
        foreach (var cells in _masked.GroupBy(o => o.Student))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var student = fitted.StartStudent(cells.Key);
            foreach (var cell in cells)
            {
                predictions.Add(Checked(student.PredictCorrect(cell.Item, cell.Skills, cell.Timestamp), fitted));
                outcomes.Add(cell.Score);
            }
        }

        return BinaryOutcome(predictions, outcomes);
    }
}
