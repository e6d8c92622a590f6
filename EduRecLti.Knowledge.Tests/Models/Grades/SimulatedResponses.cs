using EduRecLti.Knowledge.Core;

namespace EduRecLti.Knowledge.Tests.Models.Grades;

/// <summary>Seeded synthetic course data drawn from a known compensatory MIRT (logit p = θ_u + θ_uk − b_j).</summary>
internal static class SimulatedResponses
{
    /// <summary>Skills 0..skillCount-1, two assessments per skill; each student answers every assessment <paramref name="attempts"/> times.</summary>
    public static ResponseDataset Mirt(int students, int skillCount, int attempts, int seed, double abilitySd = 1.5)
    {
        var random = new Random(seed);
        var itemSkills = Enumerable.Range(0, 2 * skillCount).Select(j => new[] { j / 2 }).ToArray();
        var difficulty = itemSkills.Select((_, j) => (j % 2 == 0 ? -0.5 : 0.5) + (0.1 * (j / 2))).ToArray();
        var sequences = new List<IReadOnlyList<Observation>>();
        for (var u = 0; u < students; u++)
        {
            var general = abilitySd * Normal(random);
            var skill = Enumerable.Range(0, skillCount).Select(_ => 0.7 * Normal(random)).ToArray();
            sequences.Add(Answers(u, itemSkills, difficulty, general, skill, attempts, random));
        }

        return new ResponseDataset("simulated-mirt", sequences, itemSkills.Length, skillCount, itemSkills);
    }

    /// <summary>Answers of one student with the given abilities to every assessment of <see cref="Mirt"/>'s layout.</summary>
    public static List<Observation> Answers(int student, int[][] itemSkills, double[] difficulty, double general, double[] skill, int attempts, Random random)
    {
        var answers = new List<Observation>();
        var time = 0L;
        for (var a = 0; a < attempts; a++)
        {
            for (var j = 0; j < itemSkills.Length; j++)
            {
                var p = 1 / (1 + Math.Exp(-(general + skill[itemSkills[j][0]] - difficulty[j])));
                answers.Add(new Observation(student, j, itemSkills[j], random.NextDouble() < p ? 1 : 0, time++));
            }
        }

        return answers;
    }

    public static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
