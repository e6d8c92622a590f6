using EduRecLti.Knowledge.Core;

namespace EduRecLti.Knowledge.MlNet.History;

/// <summary>
/// What one student has shown so far, kept online in O(skills of the answer) per answer: counts, wins, two recency
/// averages (decay 0.7 and 0.95 per answer, Gervet et al. 2020's recency idea), the residual against the population
/// rate of each item answered (an ability net of difficulty), and per skill and per item the same plus the last
/// answer, the trailing runs of right and wrong answers and when the skill was last practised.
/// </summary>
internal sealed class AnswerHistory
{
    public const double ShortDecay = 0.7;
    public const double LongDecay = 0.95;

    private readonly Dictionary<int, SkillTrack> _skills = [];
    private readonly Dictionary<int, ItemTrack> _items = [];

    public int Answers { get; private set; }

    public double Wins { get; private set; }

    public Recency Recent { get; private set; }

    public Recency RecentLong { get; private set; }

    public double Residual { get; private set; }

    public double LastScore { get; private set; } = double.NaN;

    public int[] LastSkills { get; private set; } = [];

    /// <summary>Takes one answer in; <paramref name="expected"/> is the population rate of its item.</summary>
    public void Add(in Observation observation, double expected)
    {
        var score = observation.Score;
        var residual = score - expected;
        Wins += score;
        Residual += residual;
        Recent = Recent.Add(score, ShortDecay);
        RecentLong = RecentLong.Add(score, LongDecay);
        foreach (var skill in observation.Skills)
        {
            var track = _skills.GetValueOrDefault(skill);
            if (track.Count > 0 && track.LastPosition == Answers)
            {
                continue; // a skill listed twice on one answer counts once
            }

            _skills[skill] = new SkillTrack(
                track.Count + 1,
                track.Wins + score,
                track.Residual + residual,
                track.Recent.Add(score, ShortDecay),
                score,
                observation.Correct ? track.Run + 1 : 0,
                observation.Correct ? 0 : track.FailRun + 1,
                Answers);
        }

        var item = _items.GetValueOrDefault(observation.Item);
        _items[observation.Item] = new ItemTrack(item.Count + 1, score);
        LastScore = score;
        LastSkills = observation.Skills;
        Answers++;
    }

    public SkillTrack Skill(int skill) => _skills.GetValueOrDefault(skill);

    public ItemTrack Item(int item) => _items.GetValueOrDefault(item);
}

/// <summary>One skill's history; <see cref="Count"/> 0 means not seen.</summary>
internal readonly record struct SkillTrack(int Count, double Wins, double Residual, Recency Recent, double Last, int Run, int FailRun, int LastPosition);

/// <summary>One item's history for this student.</summary>
internal readonly record struct ItemTrack(int Count, double Last);

/// <summary>Exponentially weighted mean kept as a weighted sum and total weight.</summary>
internal readonly record struct Recency(double Sum, double Weight)
{
    public double Mean => Weight > 0 ? Sum / Weight : double.NaN;

    public Recency Add(double score, double decay) => new((decay * Sum) + score, (decay * Weight) + 1);
}
