using EduRecLti.Knowledge.Models.Logistic.Features;

namespace EduRecLti.Knowledge.Models.Logistic;

/// <summary>The named configurations of the logistic family, as defined in the papers they come from.</summary>
public static class LogisticPresets
{
    private const long Hour = 3600;

    /// <summary>
    /// Gervet et al. 2020 "IRT" (<c>encode.py -i</c>): item one-hot only. Their student split makes every test student
    /// new, so a student one-hot would carry a zero weight at test time; the row is the item-difficulty half of Rasch.
    /// </summary>
    public static LogisticOptions Irt { get; } = new() { Template = new FeatureTemplate { Items = true } };

    /// <summary>AFM (Cen et al. 2006) without the student term: skill easiness + skill × raw opportunity count.</summary>
    public static LogisticOptions Afm { get; } = new()
    {
        Template = new FeatureTemplate { Skills = true, SkillAttempts = true, Scale = CountScale.Raw },
    };

    /// <summary>
    /// PFA as Pavlik, Cen &amp; Koedinger 2009 define it (skill easiness β, prior successes γ and failures ρ per skill),
    /// with Gervet's log(1+x) counts instead of raw ones.
    /// </summary>
    public static LogisticOptions Pfa { get; } = new()
    {
        Template = new FeatureTemplate { Skills = true, SkillWins = true, SkillFails = true },
    };

    /// <summary>
    /// "PFA" exactly as Gervet et al. 2020 encode it (<c>encode.py -s -sc -w -a</c>, the row behind their published
    /// assist09 0.72): skills, log(1+wins) and log(1+attempts) per skill of the item's Q-matrix row. Attempts, not
    /// fails: under log(1+x) the two parametrisations are not linear transforms of each other, so this is a different
    /// model from Pavlik's, not a re-labelling.
    /// </summary>
    public static LogisticOptions PfaGervet { get; } = new()
    {
        Template = new FeatureTemplate { Skills = true, SkillWins = true, SkillAttempts = true },
    };

    /// <summary>Gervet et al. 2020 Best-LR (<c>encode.py -i -s -ic -sc -tc -w -a</c>).</summary>
    public static LogisticOptions BestLr { get; } = new() { Template = BestLrTemplate };

    /// <summary>
    /// DAS3H (Choffin et al. 2019) without the student one-hot: items, skills, and per-skill wins/attempts in the
    /// windows 1 h, 1 day, 1 week, 1 month and all time. Needs real timestamps in seconds.
    /// </summary>
    public static LogisticOptions Das3h { get; } = new()
    {
        Template = new FeatureTemplate
        {
            Items = true,
            Skills = true,
            SkillWins = true,
            SkillAttempts = true,
            TimeWindows = [Hour, 24 * Hour, 7 * 24 * Hour, 30 * 24 * Hour],
        },
    };

    /// <summary>KTM (Vie &amp; Kashima 2019) with items, skills, wins and fails, as a factorization machine of rank d.</summary>
    public static LogisticOptions Ktm(int rank) => new()
    {
        Template = new FeatureTemplate { Items = true, Skills = true, SkillWins = true, SkillFails = true },
        Rank = rank,
    };

    /// <summary>Best-LR plus recency (last answers overall, on the item, and on each skill).</summary>
    public static LogisticOptions BestLrRecency { get; } = new() { Template = BestLrTemplate with { Recency = true } };

    /// <summary>
    /// The best configuration measured here: Best-LR + recency + (previous skill, current skill, previous correctness)
    /// transitions. Measured AUC: S2d 5-fold 0.783, S3 0.780, S1 0.818 (S1 gains mostly from its duplicated rows).
    /// </summary>
    public static LogisticOptions Best { get; } = new() { Template = BestLrTemplate with { Recency = true, SkillTransitions = true } };

    private static FeatureTemplate BestLrTemplate => new()
    {
        Items = true,
        Skills = true,
        ItemCounts = true,
        SkillWins = true,
        SkillAttempts = true,
        TotalCounts = true,
    };
}
