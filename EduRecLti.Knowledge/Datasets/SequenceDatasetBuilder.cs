using EduRecLti.Knowledge.Core;

namespace EduRecLti.Knowledge.Datasets;

/// <summary>
/// Collects student sequences keyed by original ids and turns them into a <see cref="ResponseDataset"/> with
/// dense indices shared by every fold (train and test students see the same item and skill numbering).
/// </summary>
internal sealed class SequenceDatasetBuilder
{
    private readonly IdIndex _students = new();
    private readonly List<List<Observation>> _sequences = [];
    private readonly List<SortedSet<int>> _itemSkills = [];

    public IdIndex Items { get; } = new();

    public IdIndex Skills { get; } = new();

    public bool HasStudent(string studentId) => _students.TryGetIndex(studentId, out _);

    /// <summary>Registers a student (or returns the existing one) and gives its dense index.</summary>
    public int AddStudent(string studentId)
    {
        var index = _students.GetOrAdd(studentId);
        if (index == _sequences.Count)
        {
            _sequences.Add([]);
        }

        return index;
    }

    /// <summary>Appends one answer; the timestamp is the answer's position in the student's sequence.</summary>
    public void Add(int student, string itemId, IReadOnlyList<string> skillIds, double score)
    {
        var item = Items.GetOrAdd(itemId);
        while (_itemSkills.Count <= item)
        {
            _itemSkills.Add([]);
        }

        var skills = new int[skillIds.Count];
        for (var i = 0; i < skills.Length; i++)
        {
            skills[i] = Skills.GetOrAdd(skillIds[i]);
            _itemSkills[item].Add(skills[i]);
        }

        var sequence = _sequences[student];
        sequence.Add(new Observation(student, item, skills, score, sequence.Count));
    }

    /// <summary>The data set; its Q-matrix is the union of the skills seen with each item.</summary>
    public LoadedDataset Build(string name, DatasetKind kind, Func<IReadOnlyList<string>, SplitDescription> split)
    {
        var itemSkills = _itemSkills.Select(s => s.ToArray()).ToList();
        var data = new ResponseDataset(name, _sequences, Items.Count, Skills.Count, itemSkills);
        return new LoadedDataset(name, kind, data, _students.Ids, Items, Skills, split(_students.Ids));
    }
}
