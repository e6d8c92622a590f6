namespace EduRecLti.Knowledge.Models.Logistic.Features;

/// <summary>
/// The running counts of one student that every feature group reads. <see cref="Observe"/> is O(skills of the item)
/// (plus the length of the longest time window when DAS3H windows are on), so live updates stay cheap.
/// </summary>
internal sealed class StudentHistory
{
    private const sbyte Unseen = -1;

    private readonly int[] _skillWins;
    private readonly int[] _skillAttempts;
    private readonly sbyte[] _lastOnSkill;
    private readonly sbyte[] _secondLastOnSkill;
    private readonly double[][] _decayed;
    private readonly double[] _decayFactors;
    private readonly List<(long Time, bool Correct)>?[] _skillTimeline;
    private readonly bool _keepTimeline;
    private readonly Dictionary<int, ItemRecord> _items = [];

    public StudentHistory(int skillCount, IReadOnlyList<double> decayHalfLives, bool keepTimeline)
    {
        ArgumentNullException.ThrowIfNull(decayHalfLives);
        _skillWins = new int[skillCount];
        _skillAttempts = new int[skillCount];
        _lastOnSkill = new sbyte[skillCount];
        _secondLastOnSkill = new sbyte[skillCount];
        Array.Fill(_lastOnSkill, Unseen);
        Array.Fill(_secondLastOnSkill, Unseen);
        _decayFactors = decayHalfLives.Select(h => Math.Pow(0.5, 1.0 / h)).ToArray();
        _decayed = _decayFactors.Select(_ => new double[skillCount]).ToArray();
        _skillTimeline = new List<(long, bool)>?[skillCount];
        _keepTimeline = keepTimeline;
    }

    public int SkillCount => _skillWins.Length;

    public int TotalWins { get; private set; }

    public int TotalAttempts { get; private set; }

    /// <summary>Correctness of the previous answer, or null before the first one.</summary>
    public bool? LastCorrect { get; private set; }

    /// <summary>Skills of the previous answer (empty before the first one).</summary>
    public int[] LastSkills { get; private set; } = [];

    public int SkillWins(int skill) => _skillWins[skill];

    public int SkillAttempts(int skill) => _skillAttempts[skill];

    public bool? LastOnSkill(int skill) => AsBool(_lastOnSkill[skill]);

    public bool? SecondLastOnSkill(int skill) => AsBool(_secondLastOnSkill[skill]);

    /// <summary>Exponentially decayed success rate on the skill for half-life number <paramref name="rate"/>.</summary>
    public double DecayedRate(int rate, int skill) => _decayed[rate][skill];

    public ItemRecord Item(int item) => _items.GetValueOrDefault(item);

    /// <summary>Wins and attempts on the skill strictly after <paramref name="since"/> (exclusive lower bound).</summary>
    public (int Wins, int Attempts) CountSince(int skill, long since)
    {
        var timeline = _skillTimeline[skill];
        int wins = 0, attempts = 0;
        if (timeline is null)
        {
            return (0, 0);
        }

        for (var i = timeline.Count - 1; i >= 0 && timeline[i].Time > since; i--)
        {
            attempts++;
            wins += timeline[i].Correct ? 1 : 0;
        }

        return (wins, attempts);
    }

    public void Observe(int item, int[] skills, bool correct, long timestamp)
    {
        ArgumentNullException.ThrowIfNull(skills);
        var known = skills.Where(s => s >= 0 && s < SkillCount).Distinct().ToArray();
        foreach (var skill in known)
        {
            var seen = _skillAttempts[skill] > 0;
            _skillAttempts[skill]++;
            _skillWins[skill] += correct ? 1 : 0;
            _secondLastOnSkill[skill] = _lastOnSkill[skill];
            _lastOnSkill[skill] = correct ? (sbyte)1 : (sbyte)0;
            for (var r = 0; r < _decayFactors.Length; r++)
            {
                // An exponentially weighted mean whose first value is the first answer (no prior toward 0 or 1).
                var value = correct ? 1.0 : 0.0;
                _decayed[r][skill] = seen ? (_decayFactors[r] * _decayed[r][skill]) + ((1 - _decayFactors[r]) * value) : value;
            }

            if (_keepTimeline)
            {
                (_skillTimeline[skill] ??= []).Add((timestamp, correct));
            }
        }

        var record = _items.GetValueOrDefault(item);
        _items[item] = new ItemRecord(record.Wins + (correct ? 1 : 0), record.Attempts + 1, correct);
        TotalAttempts++;
        TotalWins += correct ? 1 : 0;
        LastCorrect = correct;
        LastSkills = known;
    }

    private static bool? AsBool(sbyte value) => value == Unseen ? null : value == 1;
}

/// <summary>Prior wins and attempts on one item, and whether the latest attempt was right.</summary>
internal readonly record struct ItemRecord(int Wins, int Attempts, bool LastCorrect);
