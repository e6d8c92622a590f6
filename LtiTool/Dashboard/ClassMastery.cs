using LtiTool.Skills;

namespace LtiTool.Dashboard;

/// <summary>A student of the class as the roster names them; <see cref="DisplayName"/> only when the platform shares it.</summary>
public sealed record ClassStudent(string UserId, string? DisplayName)
{
    /// <summary>What the dashboard shows: the name, else the LMS user id.</summary>
    public string Label => DisplayName ?? UserId;
}

/// <summary>One scored result behind a mastery estimate, kept so every judgement can show its evidence.</summary>
public sealed record MasteryEvidence(string AssessmentTitle, double ScoreFraction, double Weight, DateTimeOffset? ObservedAt);

/// <summary>
/// One student's mastery of one skill: the estimate with its credible interval and the results it rests on. No
/// evidence gives the prior (0.5, the widest interval), which the dashboard shows as "not enough evidence".
/// </summary>
public sealed record MasteryCell(double Estimate, double Lower, double Upper, IReadOnlyList<MasteryEvidence> Evidence)
{
    public int EvidenceCount => Evidence.Count;
}

/// <summary>The class's students × skills mastery table.</summary>
public sealed record ClassMastery(
    IReadOnlyList<ClassStudent> Students,
    IReadOnlyList<Skill> Skills,
    IReadOnlyDictionary<(string UserId, string SkillCode), MasteryCell> Cells)
{
    public static ClassMastery Empty { get; } = new([], [], new Dictionary<(string, string), MasteryCell>());

    public MasteryCell? Cell(string userId, string skillCode) => Cells.GetValueOrDefault((userId, skillCode));
}
