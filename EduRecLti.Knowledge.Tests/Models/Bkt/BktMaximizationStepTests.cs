using EduRecLti.Knowledge.Core;
using EduRecLti.Knowledge.Models.Bkt;

namespace EduRecLti.Knowledge.Tests.Models.Bkt;

public sealed class BktMaximizationStepTests
{
    // Item 0 is common and easy to guess; item 1 is seen by only a few students and its answers are all correct,
    // which alone would drive its guess far above the skill's.
    private static ResponseDataset TwoItems()
    {
        var truth = new BktSkillParameters(
            0.3,
            new BktStepParameters(0.15, 0, 0.2, 0.1),
            [0, 1],
            [new BktStepParameters(0.15, 0, 0.2, 0.1), new BktStepParameters(0.15, 0, 0.2, 0.1)]);
        var data = BktSimulator.Simulate(new Random(2), truth, students: 600, answersPerStudent: 10, itemCount: 2, itemOfAnswer: _ => 0);
        var students = data.Students.Select((answers, s) => s < 4
            ? (IReadOnlyList<Observation>)[new Observation(s, 1, [0], 1, 0), .. answers]
            : answers).ToList();
        return new ResponseDataset("two-items", students, 2, 1);
    }

    private static BktSkillParameters Fit(double strength)
    {
        var model = new BktModel("bkt-items", new BktOptions { ItemGuessSlip = true, ItemPriorStrength = strength });
        model.Fit(TwoItems(), new Random(4));
        return model.Skills[0]!;
    }

    [Fact]
    public void Run_RarelySeenItem_GuessIsPulledTowardSkillValue()
    {
        var shrunk = Fit(strength: 20);
        var raw = Fit(strength: 0);

        var shrunkGap = Math.Abs(shrunk.ForItem(1).Guess - shrunk.Skill.Guess);
        var rawGap = Math.Abs(raw.ForItem(1).Guess - raw.Skill.Guess);
        Assert.True(shrunkGap < rawGap / 2, $"shrunk gap {shrunkGap}, raw gap {rawGap}");
        Assert.True(Math.Abs(shrunk.ForItem(1).Slip - shrunk.Skill.Slip) < 0.05);
    }

    [Fact]
    public void Run_FrequentItem_KeepsItsOwnEstimate()
    {
        var shrunk = Fit(strength: 20);

        Assert.Equal(shrunk.Skill.Guess, shrunk.ForItem(0).Guess, 0.02);
    }

    [Fact]
    public void Run_UnknownItem_FallsBackToSkillValues()
    {
        var shrunk = Fit(strength: 20);

        Assert.Equal(shrunk.Skill, shrunk.ForItem(99));
    }
}
