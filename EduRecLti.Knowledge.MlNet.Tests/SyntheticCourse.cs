using System.Globalization;
using System.Text;
using EduRecLti.Knowledge.Core;

namespace EduRecLti.Knowledge.MlNet.Tests;

/// <summary>
/// Small generated data (tests never read shared/data): students with an ability, items with a difficulty on one of
/// a few skills, practice that raises a skill's success, P(correct) = σ(θ + 0.3·practice − b).
/// </summary>
internal static class SyntheticCourse
{
    public const int Skills = 4;
    public const int ItemsPerSkill = 6;

    public static ResponseDataset Create(int students, int answers, int seed)
    {
        var random = new Random(seed);
        var difficulty = Enumerable.Range(0, Skills * ItemsPerSkill).Select(_ => Normal(random)).ToArray();
        var sequences = new List<IReadOnlyList<Observation>>();
        for (var s = 0; s < students; s++)
        {
            var ability = Normal(random);
            var practice = new int[Skills];
            var sequence = new List<Observation>();
            for (var t = 0; t < answers; t++)
            {
                var skill = (t / 5 + s) % Skills;
                var item = (skill * ItemsPerSkill) + random.Next(ItemsPerSkill);
                var p = 1 / (1 + Math.Exp(-(ability + (0.3 * practice[skill]) - difficulty[item])));
                sequence.Add(new Observation(s, item, [skill], random.NextDouble() < p ? 1 : 0, t));
                practice[skill]++;
            }

            sequences.Add(sequence);
        }

        return new ResponseDataset("synthetic", sequences, Skills * ItemsPerSkill, Skills);
    }

    /// <summary>Writes the data in the DKVMN three-line format (count; skills; answers) as S1's train and test files.</summary>
    public static string WriteS1Directory(ResponseDataset data, int trainStudents)
    {
        var directory = Path.Combine(Path.GetTempPath(), "edurec-mlnet-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "assist2009_updated_train.csv"), ThreeLine(data.Students.Take(trainStudents)));
        File.WriteAllText(Path.Combine(directory, "assist2009_updated_test.csv"), ThreeLine(data.Students.Skip(trainStudents)));
        return directory;
    }

    private static string ThreeLine(IEnumerable<IReadOnlyList<Observation>> students)
    {
        var text = new StringBuilder();
        foreach (var sequence in students)
        {
            text.Append(sequence.Count.ToString(CultureInfo.InvariantCulture)).Append('\n');
            text.AppendJoin(',', sequence.Select(o => (o.Skills[0] + 1).ToString(CultureInfo.InvariantCulture))).Append('\n');
            text.AppendJoin(',', sequence.Select(o => o.Score.ToString(CultureInfo.InvariantCulture))).Append('\n');
        }

        return text.ToString();
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
