using EduRecLti.Knowledge.Core;
using EduRecLti.Knowledge.Models.Ensemble;

namespace EduRecLti.Knowledge.Tests.Models.Ensemble;

public sealed class SkillForecastFeaturesTests
{
    [Fact]
    public void Compute_SeenSkill_MatchesHandComputedVector()
    {
        var member = new ConstantModel(0.8).StartStudent();
        var history = new SkillHistory(0.5);
        history.Add(new Observation(0, 0, [1], 0, 0));
        history.Add(new Observation(0, 1, [1], 1, 1));
        history.Add(new Observation(0, 2, [0], 1, 2));

        var x = SkillForecastFeatures.Compute([member], history, skill: 1, timestamp: 3, skillSlots: 3);

        double[] expected =
        [
            Math.Log(0.8 / 0.2),
            1,
            1,
            Math.Log(3),
            (1 / 1.5) - 0.5,
            0.5,
            1.0 / 3,
            Math.Log(3),
            (1.5 / 1.75) - 0.5,
            Math.Log(4),
            0, 1, 0,
        ];
        Assert.Equal(expected.Length, x.Length);
        for (var i = 0; i < x.Length; i++)
        {
            Assert.Equal(expected[i], x[i], 12);
        }
    }

    [Fact]
    public void Compute_UnseenSkillOutsideSlots_HasOnlyMemberInterceptAndOverallTerms()
    {
        var member = new ConstantModel(0.999).StartStudent();
        var history = new SkillHistory(0.5);

        var x = SkillForecastFeatures.Compute([member], history, skill: 9, timestamp: 0, skillSlots: 2);

        Assert.Equal(Math.Log(0.99 / 0.01), x[0], 9);
        Assert.Equal(1, x[SkillForecastFeatures.Intercept(1)]);
        Assert.All(x.Skip(2), v => Assert.Equal(0, v));
    }

    [Fact]
    public void Compute_SeenSkillSlots_SetsSkillAndSeenInteractionOnlyForPractisedSkill()
    {
        var member = new ConstantModel(0.5).StartStudent();
        var history = new SkillHistory(0.5);
        history.Add(new Observation(0, 0, [1], 1, 0));

        var seen = SkillForecastFeatures.Compute([member], history, skill: 1, timestamp: 1, skillSlots: 3, seenSkillSlots: true);
        var unseen = SkillForecastFeatures.Compute([member], history, skill: 2, timestamp: 1, skillSlots: 3, seenSkillSlots: true);

        Assert.Equal(SkillForecastFeatures.Count(1, 3, seenSkillSlots: true), seen.Length);
        Assert.Equal(1 + 9 + 6, seen.Length);
        Assert.Equal([0, 1, 0, 0, 1, 0], seen[^6..]);
        Assert.Equal([0, 0, 1, 0, 0, 0], unseen[^6..]);
    }
}
