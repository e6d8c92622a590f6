using EduRecLti.Knowledge.Core;

namespace EduRecLti.Knowledge.Tests.Models.Logistic;

/// <summary>Small simulated datasets and the evaluation protocol (predict, then observe) for the logistic-family tests.</summary>
internal static class LogisticFixtures
{
    public const int Items = 12;
    public const int Skills = 3;

    /// <summary>Rasch-like students who also learn: P = σ(θ + 0.3·practice − b_item); item i exercises skill i mod 3.</summary>
    public static ResponseDataset Simulated(Random random, int students)
    {
        var difficulty = Enumerable.Range(0, Items).Select(_ => (random.NextDouble() * 2) - 1).ToArray();
        var sequences = new List<IReadOnlyList<Observation>>();
        for (var s = 0; s < students; s++)
        {
            var ability = (random.NextDouble() * 2) - 1;
            var sequence = new List<Observation>();
            for (var t = 0; t < 20; t++)
            {
                var item = random.Next(Items);
                var p = 1 / (1 + Math.Exp(-(ability + (0.3 * Math.Log(1 + t)) - difficulty[item])));
                sequence.Add(new Observation(s, item, [item % Skills], random.NextDouble() < p ? 1 : 0, t));
            }

            sequences.Add(sequence);
        }

        return new ResponseDataset("simulated", sequences, Items, Skills);
    }

    /// <summary>Every one-step-ahead prediction for the dataset's students followed as new students.</summary>
    public static double[] Replay(IKnowledgeModel model, ResponseDataset data)
    {
        var predictions = new List<double>();
        foreach (var sequence in data.Students)
        {
            var student = model.StartStudent();
            foreach (var observation in sequence)
            {
                predictions.Add(student.PredictCorrect(observation.Item, observation.Skills, observation.Timestamp));
                student.Observe(observation);
            }
        }

        return [.. predictions];
    }
}
