using EduRecLti.Knowledge.Core;
using EduRecLti.Knowledge.Models.Bkt;

namespace EduRecLti.Knowledge.Tests.Models.Bkt;

/// <summary>Draws answer sequences from a known BKT so that tests can check what EM recovers.</summary>
internal static class BktSimulator
{
    /// <summary>
    /// One skill per student block: student s answers <paramref name="answersPerStudent"/> items of skill 0, the
    /// item id cycling through <paramref name="itemCount"/> items with the given per-item guess overrides.
    /// </summary>
    public static ResponseDataset Simulate(
        Random random,
        BktSkillParameters truth,
        int students,
        int answersPerStudent,
        int itemCount = 1,
        Func<int, int>? itemOfAnswer = null)
    {
        var sequences = new List<IReadOnlyList<Observation>>();
        for (var student = 0; student < students; student++)
        {
            var known = random.NextDouble() < truth.Prior;
            var answers = new List<Observation>();
            for (var t = 0; t < answersPerStudent; t++)
            {
                var item = itemOfAnswer?.Invoke(t + (student * answersPerStudent)) ?? (t % itemCount);
                var step = truth.ForItem(item);
                var correct = known ? random.NextDouble() >= step.Slip : random.NextDouble() < step.Guess;
                answers.Add(new Observation(student, item, [0], correct ? 1 : 0, t));
                known = known ? random.NextDouble() >= step.Forget : random.NextDouble() < step.Learn;
            }

            sequences.Add(answers);
        }

        return new ResponseDataset("simulated", sequences, itemCount, 1);
    }

    public static BktSkillParameters Skill(double prior, double learn, double forget, double guess, double slip) =>
        new(prior, new BktStepParameters(learn, forget, guess, slip), [], []);
}
