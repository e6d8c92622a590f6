namespace EduRecLti.Knowledge.Models.Bkt;

/// <summary>The parameters EM is moving for one skill: prior, skill-level values, and one step set per training item.</summary>
internal sealed class BktFitState(double prior, BktStepParameters skill, int itemCount)
{
    public double Prior { get; set; } = prior;

    public BktStepParameters Skill { get; set; } = skill;

    /// <summary>Per local item (a single entry when items are not told apart).</summary>
    public BktStepParameters[] Steps { get; } = Enumerable.Repeat(skill, itemCount).ToArray();

    public BktSkillParameters ToParameters(SkillSequences data, bool separatesItems) => separatesItems
        ? new BktSkillParameters(Prior, Skill, data.ItemIds, [.. Steps])
        : new BktSkillParameters(Prior, Skill, [], []);
}
