using EduRecLti.Knowledge;
using EduRecLti.Knowledge.Core;
using EduRecLti.Knowledge.Selection;
using LtiTool.Lti.Platforms;
using LtiTool.Recommendations;
using LtiTool.Tests.Data;
using LtiTool.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace LtiTool.Tests.Recommendations;

/// <summary>The web tool serves the ML.NET models like the C# ones: per-course selection picks them, the store keeps and restores them.</summary>
public sealed class KnowledgeModelWiringTests(ToolHostFixture fixture) : IClassFixture<ToolHostFixture>
{
    private const int Skills = 3;
    private const int ItemsPerSkill = 5;

    [Fact]
    public void Selector_CourseWithMlNetCandidate_CrossValidatesItAndPicksItOverTheBaseline()
    {
        var selector = fixture.Tool.Services.GetRequiredService<CourseModelSelector>();

        var trained = selector.Train(Course(students: 60, answers: 30, seed: 3), ["baseline", "gbm-items"], new Random(5), version: 0);

        var candidate = Assert.Single(trained.Candidates, c => c.Model == "gbm-items");
        Assert.Null(candidate.Failure);
        Assert.Equal("gbm-items", trained.ModelName);
        Assert.Equal("gbm-items", trained.Snapshot.Model);
    }

    [Fact]
    public async Task Store_FittedMlNetModel_RestoresWithIdenticalPredictionsAndMastery()
    {
        Assert.True(ModelCatalog.TryCreate("gbm-items-elo", out var fitted));
        var course = Course(students: 50, answers: 30, seed: 11);
        fitted.Fit(course, new Random(2));
        var store = fixture.Tool.Services.GetRequiredService<ITrainedModelStore>();
        var scope = await CourseAsync();

        await store.SaveAsync(scope, new TrainedModel(
            fitted.Name, 0, fitted.Snapshot(), [], "test", course.Students.Count, course.ObservationCount, DateTimeOffset.FromUnixTimeSeconds(1_790_000_000), TimeSpan.FromSeconds(1)));
        var restored = (await store.GetLatestAsync(scope))!.Load();

        var newcomer = Course(students: 1, answers: 25, seed: 99).Students[0];
        var original = fitted.StartStudent(null);
        var reloaded = restored.StartStudent(null);
        foreach (var answer in newcomer)
        {
            Assert.Equal(original.PredictCorrect(answer.Item, answer.Skills, answer.Timestamp), reloaded.PredictCorrect(answer.Item, answer.Skills, answer.Timestamp));
            original.Observe(answer);
            reloaded.Observe(answer);
        }

        for (var skill = 0; skill < Skills; skill++)
        {
            Assert.Equal(original.Mastery(skill), reloaded.Mastery(skill));
        }
    }

    private async Task<CourseScope> CourseAsync()
    {
        var platform = await fixture.Tool.Services.GetRequiredService<IPlatformStore>()
            .AddAsync(TestRows.Registration(TestRows.UniqueIssuer(), "client-1", "deployment-a"));
        return new CourseScope(platform.Id, "deployment-a", TestRows.UniqueId("course"));
    }

    /// <summary>Generated answers (tests never read shared data): P(correct) = σ(ability + 0.3·practice − difficulty).</summary>
    private static ResponseDataset Course(int students, int answers, int seed)
    {
        var random = new Random(seed);
        var difficulty = Enumerable.Range(0, Skills * ItemsPerSkill).Select(_ => Normal(random)).ToArray();
        var sequences = new List<IReadOnlyList<Observation>>();
        for (var s = 0; s < students; s++)
        {
            var ability = 1.5 * Normal(random);
            var practice = new int[Skills];
            var sequence = new List<Observation>();
            for (var t = 0; t < answers; t++)
            {
                var skill = (t / 4 + s) % Skills;
                var item = (skill * ItemsPerSkill) + random.Next(ItemsPerSkill);
                var p = 1 / (1 + Math.Exp(-(ability + (0.3 * practice[skill]) - difficulty[item])));
                sequence.Add(new Observation(s, item, [skill], random.NextDouble() < p ? 1 : 0, t));
                practice[skill]++;
            }

            sequences.Add(sequence);
        }

        return new ResponseDataset("generated", sequences, Skills * ItemsPerSkill, Skills);
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
