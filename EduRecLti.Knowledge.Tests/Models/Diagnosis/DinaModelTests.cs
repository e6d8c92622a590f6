using EduRecLti.Knowledge.Core;
using EduRecLti.Knowledge.Models.Diagnosis;

namespace EduRecLti.Knowledge.Tests.Models.Diagnosis;

public sealed class DinaModelTests
{
    /// <summary>Items: 0 needs skill 0, 1 needs skill 1, 2 needs both; slip 0.1, guess 0.2, uniform classes.</summary>
    private static DinaStudentKnowledge ToyStudent(bool disjunctive = false) => new(new DinaParameters
    {
        Options = new DinaOptions { Disjunctive = disjunctive },
        SkillCount = 2,
        ItemSkills = [[0], [1], [0, 1]],
        Slip = [0.1, 0.1, 0.1],
        Guess = [0.2, 0.2, 0.2],
        ClassLogPrior = [.. Enumerable.Repeat(Math.Log(0.25), 4)],
    });

    private static ResponseDataset Simulated(int students, int seed)
    {
        var random = new Random(seed);
        int[][] q = [[0], [1], [2], [0, 1], [1, 2], [0, 2], [0, 1, 2], [0], [1], [2], [0, 1], [1, 2], [0, 2], [0], [1], [2]];
        var sequences = new List<IReadOnlyList<Observation>>();
        for (var u = 0; u < students; u++)
        {
            var mastered = random.Next(8);
            sequences.Add(q.Select((skills, j) =>
            {
                var capable = skills.All(k => (mastered & (1 << k)) != 0);
                var p = capable ? 0.85 : 0.15;
                return new Observation(u, j, skills, random.NextDouble() < p ? 1 : 0, j);
            }).ToList());
        }

        return new ResponseDataset("simulated-dina", sequences, q.Length, 3, q);
    }

    [Fact]
    public void Observe_CorrectOnSingleSkillItem_GivesHandComputedPosterior()
    {
        var student = ToyStudent();
        student.Observe(new Observation(0, 0, [0], 1, 0));

        // P(α0 = 1 | right on item 0) = (0.9 + 0.9) / (0.2 + 0.9 + 0.2 + 0.9).
        Assert.Equal(1.8 / 2.2, student.Mastery(0).Estimate, 12);
        Assert.Equal(0.5, student.Mastery(1).Estimate, 12);
        Assert.Equal((0.5 * 0.9) + (0.5 * 0.2), student.PredictCorrect(1, [1], 0), 12);
        var both = 0.9 / 2.2;
        Assert.Equal((both * 0.9) + ((1 - both) * 0.2), student.PredictCorrect(2, [0, 1], 0), 12);
    }

    [Fact]
    public void Observe_DisjunctiveWrongOnTwoSkillItem_LowersBothSkills()
    {
        var student = ToyStudent(disjunctive: true);
        student.Observe(new Observation(0, 2, [0, 1], 0, 0));

        // DINO: only class 00 is incapable. Weights 0.8 (00) and 0.1 for each of 01, 10, 11 → P(α0) = 0.2 / 1.1.
        Assert.Equal(0.2 / 1.1, student.Mastery(0).Estimate, 12);
        Assert.Equal(0.2 / 1.1, student.Mastery(1).Estimate, 12);
    }

    [Fact]
    public void Mastery_AfterEvidence_IntervalBracketsEstimate()
    {
        var student = ToyStudent();
        student.Observe(new Observation(0, 0, [0], 1, 0));
        student.Observe(new Observation(0, 0, [0], 1, 1));
        var mastery = student.Mastery(0);
        Assert.Equal(2, mastery.Evidence);
        Assert.InRange(mastery.Estimate, mastery.Lower, mastery.Upper);
        Assert.True(mastery.Lower > 0 && mastery.Upper < 1);
    }

    [Fact]
    public void Fit_SimulatedData_ObjectiveNeverDecreasesAndRecoversSlipGuess()
    {
        var model = new DinaModel();
        model.Fit(Simulated(800, 11), new Random(0));
        var trace = model.ObjectiveTrace;
        Assert.True(trace.Count > 2);
        for (var i = 1; i < trace.Count; i++)
        {
            Assert.True(trace[i] >= trace[i - 1] - 1e-9, $"iteration {i}: {trace[i]} < {trace[i - 1]}");
        }

        // True slip = guess = 0.15; EM starts at 0.2, so the means must move toward the truth.
        Assert.All(model.Parameters.Slip, s => Assert.InRange(s, 0.07, 0.25));
        Assert.All(model.Parameters.Guess, g => Assert.InRange(g, 0.07, 0.25));
        Assert.InRange(model.Parameters.Slip.Average(), 0.13, 0.17);
        Assert.InRange(model.Parameters.Guess.Average(), 0.13, 0.17);
    }

    [Fact]
    public void Fit_SameSeed_IdenticalSnapshotAndRestoreRoundTrips()
    {
        var data = Simulated(200, 4);
        var a = new DinaModel();
        var b = new DinaModel();
        a.Fit(data, new Random(1));
        b.Fit(data, new Random(1));
        Assert.Equal(a.Snapshot(), b.Snapshot());

        var restored = new DinaModel();
        restored.Restore(a.Snapshot());
        var original = a.StartStudent(null);
        var copy = restored.StartStudent(null);
        original.Observe(data.Students[0][3]);
        copy.Observe(data.Students[0][3]);
        Assert.Equal(original.PredictCorrect(6, [0, 1, 2], 0), copy.PredictCorrect(6, [0, 1, 2], 0), 12);
        Assert.InRange(original.PredictCorrect(6, [0, 1, 2], 0), 0, 1);
    }

    [Fact]
    public void Fit_TooManySkills_IsRejected()
    {
        var data = new ResponseDataset("wide", [new List<Observation> { new(0, 0, [0], 1, 0) }], 1, 20);
        var model = new DinaModel();
        Assert.NotNull(model.RejectionReason(data));
        Assert.Throws<NotSupportedException>(() => model.Fit(data, new Random(0)));
    }
}
