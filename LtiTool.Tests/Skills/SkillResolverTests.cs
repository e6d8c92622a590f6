using LtiTool.Skills;

namespace LtiTool.Tests.Skills;

public sealed class SkillResolverTests
{
    private static readonly Skill[] CourseSkills = [new("ratios", "Ratios"), new("percentages", "Percentages")];

    [Fact]
    public void Resolve_InstructorMappingAndMatchingTag_InstructorMappingWins()
    {
        var data = Data(new MappableLineItem("li", "Quiz", "ratios", "percentages"), ("li", [new SkillWeight("percentages", 0.5)]));

        var resolved = Assert.Single(SkillResolver.Resolve(data));

        Assert.Equal((SkillSource.Instructor, "percentages"), (resolved.Source, resolved.Skills.Single().Code));
    }

    [Fact]
    public void Resolve_TagAndResourceIdBothSkillCodes_TagWins()
    {
        var resolved = Assert.Single(SkillResolver.Resolve(Data(new MappableLineItem("li", "Quiz", "ratios", "percentages"))));

        Assert.Equal((SkillSource.Tag, "ratios", 1.0), (resolved.Source, resolved.Skills.Single().Code, resolved.Skills.Single().Weight));
    }

    [Fact]
    public void Resolve_OnlyResourceIdIsASkillCode_UsesResourceId()
    {
        var resolved = Assert.Single(SkillResolver.Resolve(Data(new MappableLineItem("li", "Quiz", "homework", "percentages"))));

        Assert.Equal((SkillSource.ResourceId, "percentages"), (resolved.Source, resolved.Skills.Single().Code));
    }

    [Fact]
    public void Resolve_NothingMatchesOrCaseDiffers_IsUnmapped()
    {
        var resolved = Assert.Single(SkillResolver.Resolve(Data(new MappableLineItem("li", "Quiz", "Ratios", null))));

        Assert.Equal(SkillSource.Unmapped, resolved.Source);
        Assert.Empty(resolved.Skills);
    }

    private static CourseSkillData Data(MappableLineItem item, params (string LineItemId, IReadOnlyList<SkillWeight> Skills)[] mappings) =>
        new([item], CourseSkills, mappings.ToDictionary(m => m.LineItemId, m => m.Skills));
}
