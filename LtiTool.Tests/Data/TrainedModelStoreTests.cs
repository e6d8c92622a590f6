using EduRecLti.Knowledge.Core;
using EduRecLti.Knowledge.Evaluation;
using EduRecLti.Knowledge.Selection;
using LtiTool.Data;
using LtiTool.Recommendations;

namespace LtiTool.Tests.Data;

public abstract class TrainedModelStoreTests<TProvider>(TProvider provider) : IClassFixture<TProvider>
    where TProvider : TestDatabaseProvider
{
    [ProviderFact]
    public async Task SaveAsync_TwoTrainings_NumbersVersionsAndServesTheLatest()
    {
        var (store, course) = await CourseAsync();

        var first = await store.SaveAsync(course, Trained("baseline"));
        var second = await store.SaveAsync(course, Trained("baseline"));

        Assert.Equal(1, first.Version);
        Assert.Equal(2, second.Version);
        Assert.Equal(2, (await store.GetLatestAsync(course))!.Version);
    }

    [ProviderFact]
    public async Task SaveAsync_BeyondKeep_DropsTheOldestVersions()
    {
        var (store, course) = await CourseAsync();

        for (var i = 0; i < 4; i++)
        {
            await store.SaveAsync(course, Trained("baseline"), keep: 2);
        }

        Assert.Equal([3, 4], await store.ListVersionsAsync(course));
    }

    [ProviderFact]
    public async Task GetLatestAsync_StoredModel_RestoresAndPredictsLikeTheOriginal()
    {
        var (store, course) = await CourseAsync();
        var original = FittedBaseline();
        var trained = Trained("baseline", original.Snapshot());

        await store.SaveAsync(course, trained);
        var restored = (await store.GetLatestAsync(course))!.Load();

        var skills = new[] { 0 };
        Assert.Equal(original.StartStudent().PredictCorrect(1, skills, 0), restored.StartStudent().PredictCorrect(1, skills, 0), 12);
    }

    [ProviderFact]
    public async Task GetLatestAsync_SameContextUnderAnotherDeployment_SeesNothing()
    {
        var (store, course) = await CourseAsync();
        await store.SaveAsync(course, Trained("baseline"));

        var other = course with { DeploymentId = "deployment-b" };

        Assert.Null(await store.GetLatestAsync(other));
    }

    [ProviderFact]
    public async Task RemovingThePlatform_RemovesItsTrainedModels()
    {
        var (store, course) = await CourseAsync();
        await store.SaveAsync(course, Trained("baseline"));

        var platforms = new PlatformStore(provider.Database, provider.Time);
        var platform = (await platforms.GetAsync(course.PlatformId))!;
        await platforms.RemoveAsync(platform.Issuer, platform.ClientId);

        Assert.Empty(await store.ListVersionsAsync(course));
    }

    private async Task<(TrainedModelStore Store, CourseScope Course)> CourseAsync()
    {
        var platform = await provider.AddPlatformAsync("deployment-a", "deployment-b");
        return (new TrainedModelStore(provider.Database), new CourseScope(platform.Id, "deployment-a", TestRows.UniqueId("course")));
    }

    private static BaselineModel FittedBaseline()
    {
        var answers = new List<Observation>
        {
            new(0, 0, [0], 1, 0),
            new(0, 1, [0], 0, 1),
            new(1, 1, [0], 1, 0),
        };
        var dataset = new ResponseDataset("tiny", [answers.Where(a => a.Student == 0).ToList(), answers.Where(a => a.Student == 1).ToList()], 2, 1);
        var model = new BaselineModel();
        model.Fit(dataset, new Random(7));
        return model;
    }

    private static TrainedModel Trained(string name, ModelSnapshot? snapshot = null) => new(
        name, 0, snapshot ?? FittedBaseline().Snapshot(), [], "test", 2, 3, DateTimeOffset.FromUnixTimeSeconds(1_790_000_000), TimeSpan.FromSeconds(1));
}

public sealed class SqliteTrainedModelStoreTests(SqliteProvider provider) : TrainedModelStoreTests<SqliteProvider>(provider);

[Collection(PostgresDefinition.Name)]
public sealed class PostgresTrainedModelStoreTests(PostgresProvider provider) : TrainedModelStoreTests<PostgresProvider>(provider);
