using LtiTool.Data;
using LtiTool.Skills;
using LtiTool.Sync;

namespace LtiTool.Tests.Data;

public abstract class SkillMappingStoreTests<TProvider>(TProvider provider) : IClassFixture<TProvider>
    where TProvider : TestDatabaseProvider
{
    private readonly SkillMappingStore _store = new(provider.Database);

    [ProviderFact]
    public async Task ReplaceMappingsAsync_TwiceForOneLineItem_KeepsOnlyTheLast()
    {
        var course = await NewCourseWithLineItemsAsync("li-1");
        await _store.ReplaceMappingsAsync(course, Map("li-1", new SkillWeight("ratios", 1)), provider.Now);

        Assert.True(await _store.ReplaceMappingsAsync(course, Map("li-1", new SkillWeight("fractions.add", 0.6), new SkillWeight("ratios", 0.4)), provider.Now));

        var data = await _store.GetAsync(course);
        Assert.Equal([new SkillWeight("fractions.add", 0.6), new SkillWeight("ratios", 0.4)], data.InstructorMappings["li-1"]);
        Assert.Equal(["fractions.add", "ratios"], data.Skills.Select(s => s.Code));
    }

    [ProviderFact]
    public async Task ReplaceMappingsAsync_LineItemOfAnotherCourse_StoresNothing()
    {
        var course = await NewCourseWithLineItemsAsync("li-1");
        var other = await NewCourseWithLineItemsAsync("li-2");

        var stored = await _store.ReplaceMappingsAsync(course, new Dictionary<string, IReadOnlyList<SkillWeight>>
        {
            ["li-1"] = [new SkillWeight("ratios", 1)],
            ["li-2"] = [new SkillWeight("ratios", 1)],
        }, provider.Now);

        Assert.False(stored);
        Assert.Empty((await _store.GetAsync(course)).InstructorMappings);
        Assert.Empty((await _store.GetAsync(other)).InstructorMappings);
    }

    [ProviderFact]
    public async Task UpsertSkillsAsync_SameCodeTwice_RenamesIt()
    {
        var course = await NewCourseWithLineItemsAsync();
        await _store.UpsertSkillsAsync(course, [new Skill("ratios", "Ratios")], provider.Now);

        await _store.UpsertSkillsAsync(course, [new Skill("ratios", "Ratios and rates")], provider.Now);

        Assert.Equal([new Skill("ratios", "Ratios and rates")], (await _store.GetAsync(course)).Skills);
    }

    private async Task<CourseKey> NewCourseWithLineItemsAsync(params string[] lineItemIds)
    {
        var platform = await provider.AddPlatformAsync("deployment-1");
        var course = new CourseKey(platform.Id, "deployment-1", TestRows.UniqueId("course"));
        await new CourseDataStore(provider.Database).SaveLineItemsAsync(
            course, lineItemIds.Select(id => new LmsLineItem(id, "Quiz " + id, 10, null, null, null)).ToList(), provider.Now);
        return course;
    }

    private static Dictionary<string, IReadOnlyList<SkillWeight>> Map(string lineItemId, params SkillWeight[] skills) => new() { [lineItemId] = skills };
}

public sealed class SqliteSkillMappingStoreTests(SqliteProvider provider) : SkillMappingStoreTests<SqliteProvider>(provider);

[Collection(PostgresDefinition.Name)]
public sealed class PostgresSkillMappingStoreTests(PostgresProvider provider) : SkillMappingStoreTests<PostgresProvider>(provider);
