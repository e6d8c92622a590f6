using LtiTool.Dashboard;
using LtiTool.Skills;

namespace LtiTool.Tests.Dashboard;

/// <summary>
/// A class small enough to work out by hand. Ana scores 0 on fractions and 10 % on ratio (four results each); Ben
/// scores 100 % everywhere; Cy scores 100 % on three fractions quizzes, then 0 on three ratio quizzes.
/// </summary>
internal static class SmallClass
{
    public static readonly Skill Fractions = new("fractions", "Fractions");
    public static readonly Skill Ratio = new("ratio", "Ratio");
    private static readonly DateTimeOffset Start = new(2026, 9, 1, 0, 0, 0, TimeSpan.Zero);

    public static ClassMastery Table(double intervalZ = 1.645)
    {
        var students = new[] { new ClassStudent("a", "Ana"), new ClassStudent("b", "Ben"), new ClassStudent("c", "Cy") };
        var cells = new Dictionary<(string, string), MasteryCell>
        {
            [("a", "fractions")] = Cell(intervalZ, "F", 0, 0, [0, 0, 0, 0]),
            [("a", "ratio")] = Cell(intervalZ, "R", 4, 0, [0.1, 0.1, 0.1, 0.1]),
            [("b", "fractions")] = Cell(intervalZ, "F", 0, 0, [1, 1, 1, 1]),
            [("b", "ratio")] = Cell(intervalZ, "R", 4, 0, [1, 1, 1, 1]),
            [("c", "fractions")] = Cell(intervalZ, "F", 0, 0, [1, 1, 1]),
            [("c", "ratio")] = Cell(intervalZ, "R", 3, 0, [0, 0, 0]),
        };
        return new ClassMastery(students, [Fractions, Ratio], cells);
    }

    private static MasteryCell Cell(double z, string prefix, int firstDay, int unused, double[] scores) =>
        BetaMastery.Estimate(scores.Select((s, i) => new MasteryEvidence($"{prefix}{i + 1}", s, 1, Start.AddDays(firstDay + i + unused))).ToList(), z);
}
