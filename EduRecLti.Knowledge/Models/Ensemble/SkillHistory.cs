using EduRecLti.Knowledge.Core;

namespace EduRecLti.Knowledge.Models.Ensemble;

/// <summary>
/// What a student has shown so far on each skill, kept online: answer count, exponentially weighted recent score,
/// last score, trailing run of correct answers and the position of the last answer; and the same recency average over
/// all answers. The recency summaries follow Gervet et al. (2020), whose recency features carry most of the gain of
/// Best-LR over counts.
/// </summary>
internal sealed class SkillHistory(double decay)
{
    private readonly Dictionary<int, SkillSummary> _skills = [];

    public int Answers { get; private set; }

    /// <summary>Σ decay^age · score / Σ decay^age over all answers (0.5 before any answer).</summary>
    public double RecentScore => _overall.Mean;

    private RecencyAverage _overall;

    public void Add(in Observation observation)
    {
        _overall = _overall.Add(observation.Score, decay);
        foreach (var skill in observation.Skills.Distinct())
        {
            var summary = _skills.GetValueOrDefault(skill);
            _skills[skill] = new SkillSummary(
                summary.Count + 1,
                summary.Recent.Add(observation.Score, decay),
                observation.Score,
                observation.Correct ? summary.Run + 1 : 0,
                Answers);
        }

        Answers++;
    }

    public SkillSummary Skill(int skill) => _skills.GetValueOrDefault(skill);
}

/// <summary>One skill's history; <see cref="Count"/> 0 means the skill was not seen.</summary>
internal readonly record struct SkillSummary(int Count, RecencyAverage Recent, double LastScore, int Run, int LastPosition);

/// <summary>Exponentially weighted mean kept as a weighted sum and total weight.</summary>
internal readonly record struct RecencyAverage(double Sum, double Weight)
{
    public double Mean => Weight > 0 ? Sum / Weight : 0.5;

    public RecencyAverage Add(double score, double decay) => new((decay * Sum) + score, (decay * Weight) + 1);
}
