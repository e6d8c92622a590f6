using EduRecLti.Knowledge.Core;
using EduRecLti.Knowledge.Models.Ensemble;

namespace EduRecLti.Knowledge.Tests.Models.Ensemble;

public sealed class SkillHistoryTests
{
    [Fact]
    public void Add_ThreeAnswersOnOneSkill_KeepsHandComputedRecencyRunAndPosition()
    {
        var history = new SkillHistory(decay: 0.5);
        history.Add(new Observation(0, 0, [4], 1, 0));
        history.Add(new Observation(0, 1, [7], 1, 1));
        history.Add(new Observation(0, 2, [4], 0, 2));
        history.Add(new Observation(0, 3, [4], 1, 3));

        var skill = history.Skill(4);
        // Sum: ((1·0.5 + 0)·0.5 + 1) = 1.25; weight: ((1·0.5 + 1)·0.5 + 1) = 1.75.
        Assert.Equal(3, skill.Count);
        Assert.Equal(1.25 / 1.75, skill.Recent.Mean, 12);
        Assert.Equal(1, skill.LastScore);
        Assert.Equal(1, skill.Run);
        Assert.Equal(3, skill.LastPosition);
        Assert.Equal(4, history.Answers);
        // Overall: 1, 1, 0, 1 → sum ((1·0.5+1)·0.5+0)·0.5+1 = 1.375, weight 1.875.
        Assert.Equal(1.375 / 1.875, history.RecentScore, 12);
    }

    [Fact]
    public void Skill_NeverSeen_IsEmptyWithNeutralMean()
    {
        var history = new SkillHistory(0.7);
        history.Add(new Observation(0, 0, [1], 0, 0));

        var unseen = history.Skill(2);

        Assert.Equal(0, unseen.Count);
        Assert.Equal(0.5, unseen.Recent.Mean);
    }

    [Fact]
    public void Add_ItemTaggedTwiceWithOneSkill_CountsTheSkillOnce()
    {
        var history = new SkillHistory(0.7);
        history.Add(new Observation(0, 0, [3, 3], 1, 0));

        Assert.Equal(1, history.Skill(3).Count);
        Assert.Equal(1, history.Skill(3).Run);
    }
}
