using EduRecLti.Knowledge.Core;
using EduRecLti.Knowledge.Models.Diagnosis;
using EduRecLti.Knowledge.Models.Grades;
using EduRecLti.Knowledge.Models.Logistic;
using EduRecLti.Knowledge.Models.Logistic.Elo;

namespace EduRecLti.Knowledge.Models.Ensemble;

/// <summary>The ensemble configurations the catalog ships, chosen by validation inside training data (docs/models-grades.md).</summary>
public static class EnsemblePresets
{
    /// <summary>
    /// DINA and a compensatory MIRT with three extra factors (item slopes): mean of the two posterior predictives.
    /// Chosen over one or no extra factor and over adding DINO by a second 20% mask inside each training matrix.
    /// </summary>
    public static EnsembleOptions DinaMirt { get; } = new()
    {
        Members = [() => new DinaModel(), () => new GradeMirtModel("grade-mirt-f3", new GradeMirtOptions { Factors = 3 })],
    };

    /// <summary>
    /// Grade-level forecast: skill-pooled MIRT, the same with forgetting 0.3 (recent answers weigh more) and item-level
    /// Elo (ability net of item difficulty), stacked with the student's skill history and per-skill intercepts.
    /// </summary>
    public static EnsembleOptions GradeStack { get; } = new()
    {
        Members = GradeStackMembers,
        StackSkillForecasts = true,
        SkillIntercepts = true,
    };

    /// <summary>
    /// <see cref="GradeStack"/> plus Best-LR with recency as a fourth member, skill × seen intercepts, L2 precision 3,
    /// a "score ≥ 0.5" classifier added to the score regression and the absolute-error calibration; each chosen on a
    /// validation split of training students (docs/models-grades.md).
    /// </summary>
    public static EnsembleOptions GradeStackPlus { get; } = GradeStack with
    {
        Members = [.. GradeStackMembers, () => new LogisticKnowledgeModel("best-lr-recency", LogisticPresets.BestLrRecency)],
        SeenSkillIntercepts = true,
        StackPrecision = 3,
        ThresholdStack = 0.5,
        CalibrateForAbsoluteError = true,
    };

    private static Func<IKnowledgeModel>[] GradeStackMembers =>
    [
        () => new GradeMirtModel("grade-mirt-skills", new GradeMirtOptions { PoolBySkill = true }),
        () => new EloKnowledgeModel("elo", new EloOptions()),
        () => new GradeMirtModel("grade-mirt-skills-forget", new GradeMirtOptions { PoolBySkill = true, Forgetting = 0.3 }),
    ];
}
