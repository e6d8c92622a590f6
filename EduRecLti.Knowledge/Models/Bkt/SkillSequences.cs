using EduRecLti.Knowledge.Core;

namespace EduRecLti.Knowledge.Models.Bkt;

/// <summary>
/// The training answers of one skill laid out flat for the E-step: one sequence per student, rows in time order.
/// An observation tagged with several skills adds one row to each of them (pyBKT's one-row-per-skill layout).
/// </summary>
internal sealed class SkillSequences
{
    public SkillSequences(int[] starts, bool[] correct, int[] localItems, int[] itemIds)
    {
        Starts = starts;
        Correct = correct;
        LocalItems = localItems;
        ItemIds = itemIds;
    }

    /// <summary>Row where each sequence starts, plus the row count at the end (length = sequences + 1).</summary>
    public int[] Starts { get; }

    public bool[] Correct { get; }

    /// <summary>Row → position in <see cref="ItemIds"/>; all 0 when items are not told apart.</summary>
    public int[] LocalItems { get; }

    /// <summary>Ascending item ids of the rows (a single placeholder when items are not told apart).</summary>
    public int[] ItemIds { get; }

    public int RowCount => Correct.Length;

    public int SequenceCount => Starts.Length - 1;

    /// <summary>One entry per skill id; a skill without rows gets an empty layout.</summary>
    public static SkillSequences[] Build(ResponseDataset data, bool separateItems)
    {
        ArgumentNullException.ThrowIfNull(data);
        var builders = new Builder[data.SkillCount];
        for (var s = 0; s < builders.Length; s++)
        {
            builders[s] = new Builder();
        }

        for (var student = 0; student < data.Students.Count; student++)
        {
            foreach (var observation in data.Students[student])
            {
                foreach (var skill in observation.Skills)
                {
                    if ((uint)skill >= (uint)builders.Length)
                    {
                        throw new ArgumentOutOfRangeException(nameof(data), $"Skill {skill} is outside 0..{builders.Length - 1}.");
                    }

                    builders[skill].Add(student, separateItems ? observation.Item : 0, observation.Correct);
                }
            }
        }

        return builders.Select(b => b.ToSequences()).ToArray();
    }

    private sealed class Builder
    {
        private readonly List<int> _starts = [];
        private readonly List<bool> _correct = [];
        private readonly List<int> _items = [];
        private int _lastStudent = -1;

        public void Add(int student, int item, bool correct)
        {
            if (student != _lastStudent)
            {
                _starts.Add(_correct.Count);
                _lastStudent = student;
            }

            _correct.Add(correct);
            _items.Add(item);
        }

        public SkillSequences ToSequences()
        {
            var itemIds = _items.Distinct().Order().ToArray();
            var localItems = _items.Select(item => Array.BinarySearch(itemIds, item)).ToArray();
            _starts.Add(_correct.Count);
            return new SkillSequences([.. _starts], [.. _correct], localItems, itemIds);
        }
    }
}
