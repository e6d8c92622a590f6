namespace LtiTool.Demo;

/// <summary>
/// The seeded course of the demo LMS: one class, its instructor, its students and their grades, deterministic from
/// <see cref="DemoOptions.Seed"/> so that a demo and a test see the same class every time.
/// </summary>
public sealed class DemoCourse
{
    public const string ContextId = "2";
    public const string Label = "MATH7";
    public const string Title = "Grade 7 Mathematics: Number and Proportion";

    /// <summary>The tool's activity in the course, and the id of its gradebook column.</summary>
    public const string PracticePanelLinkId = "1";
    public const string PracticePanelLineItemId = "10";

    internal DemoCourse(
        DemoUser instructor,
        IReadOnlyList<DemoUser> students,
        IReadOnlyList<DemoSkill> skills,
        IReadOnlyList<DemoAssignment> assignments,
        IReadOnlyList<DemoSeedScore> scores,
        IReadOnlyDictionary<string, string> gapSkillByUserId,
        IReadOnlyList<string> strugglingUserIds)
    {
        Instructor = instructor;
        Students = students;
        Skills = skills;
        Assignments = assignments;
        Scores = scores;
        GapSkillByUserId = gapSkillByUserId;
        StrugglingUserIds = strugglingUserIds;
        Members = [instructor, .. students];
        PracticePanel = new DemoResourceLink(
            PracticePanelLinkId,
            "Practice panel",
            "Your knowledge gaps and the practice recommended for each.",
            TargetLinkUri: null,
            new Dictionary<string, string> { ["course_title"] = Title, ["panel"] = "practice" });
    }

    public DemoUser Instructor { get; }

    public IReadOnlyList<DemoUser> Students { get; }

    /// <summary>Instructor first, then the students: the roster NRPS serves.</summary>
    public IReadOnlyList<DemoUser> Members { get; }

    public IReadOnlyList<DemoSkill> Skills { get; }

    /// <summary>The graded assignments, one line item each, tagged with a skill code.</summary>
    public IReadOnlyList<DemoAssignment> Assignments { get; }

    /// <summary>Seeded grades; a missing (student, assignment) pair is a missing submission.</summary>
    public IReadOnlyList<DemoSeedScore> Scores { get; }

    /// <summary>Students who are strong overall but score under 40 % on one skill, and that skill.</summary>
    public IReadOnlyDictionary<string, string> GapSkillByUserId { get; }

    /// <summary>Students who are weak across the board.</summary>
    public IReadOnlyList<string> StrugglingUserIds { get; }

    /// <summary>The resource link of the tool that the seeded course contains.</summary>
    public DemoResourceLink PracticePanel { get; }

    public DemoUser? FindMember(string userId) => Members.FirstOrDefault(m => m.Id == userId);

    /// <summary>Builds the course for a seed; timestamps are placed in the weeks before <paramref name="now"/>.</summary>
    public static DemoCourse Create(int seed, DateTimeOffset now, int students = DemoOptions.DefaultStudents, int assignments = DemoOptions.DefaultAssignments) =>
        DemoCourseSeeder.Create(seed, now, students, assignments);
}
