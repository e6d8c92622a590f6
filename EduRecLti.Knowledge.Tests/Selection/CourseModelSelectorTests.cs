using EduRecLti.Knowledge.Core;
using EduRecLti.Knowledge.Selection;
using EduRecLti.Knowledge.Tests.Models.Grades;

namespace EduRecLti.Knowledge.Tests.Selection;

public sealed class CourseModelSelectorTests
{
    private static readonly SelectionOptions Options = new() { Folds = 3 };

    [Fact]
    public void Train_StudentAbilityMatters_PicksTheModelWithStudentParameters()
    {
        // Data from a MIRT with a wide ability spread: the population baseline ignores the student and must lose.
        var course = SimulatedResponses.Mirt(students: 90, skillCount: 3, attempts: 2, seed: 21, abilitySd: 2);
        var trained = new CourseModelSelector(Options, TimeProvider.System).Train(course, ["baseline", "grade-mirt"], new Random(0), version: 3);

        Assert.Equal("grade-mirt", trained.ModelName);
        Assert.Equal(3, trained.Version);
        Assert.Equal(2, trained.Candidates.Count);
        Assert.All(trained.Candidates, c => Assert.True(c.Predictions == course.ObservationCount));
        Assert.True(trained.Candidates.Single(c => c.Model == "grade-mirt").Auc > trained.Candidates.Single(c => c.Model == "baseline").Auc);
    }

    [Fact]
    public void Train_TinyCourse_FallsBackToDefaultWithoutCrossValidation()
    {
        var course = SimulatedResponses.Mirt(students: 12, skillCount: 2, attempts: 1, seed: 2);
        var trained = new CourseModelSelector(Options with { DefaultModel = "grade-mirt" }, TimeProvider.System)
            .Train(course, ["baseline", "dina"], new Random(0), version: 1);

        Assert.Equal("grade-mirt", trained.ModelName);
        Assert.Empty(trained.Candidates);
        Assert.StartsWith("small data", trained.SelectionReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_InapplicableCandidate_IsReportedNotChosen()
    {
        var course = SimulatedResponses.Mirt(students: 60, skillCount: 14, attempts: 1, seed: 5);
        var trained = new CourseModelSelector(Options, TimeProvider.System).Train(course, ["dina", "baseline"], new Random(0), version: 1);

        Assert.Equal("baseline", trained.ModelName);
        Assert.NotNull(trained.Candidates.Single(c => c.Model == "dina").Failure);
    }

    [Fact]
    public void TrainedModel_JsonRoundTrip_LoadsAModelWithIdenticalPredictions()
    {
        var course = SimulatedResponses.Mirt(students: 50, skillCount: 2, attempts: 2, seed: 9);
        var trained = new CourseModelSelector(Options, TimeProvider.System).Train(course, ["grade-mirt"], new Random(0), version: 2);

        var stored = TrainedModel.FromJson(trained.ToJson());
        Assert.Equal(trained.Snapshot, stored.Snapshot);
        Assert.Equal(TrainedModel.CurrentFormatVersion, stored.FormatVersion);
        var a = trained.Load().StartStudent(null);
        var b = stored.Load().StartStudent(null);
        foreach (var answer in course.Students[0])
        {
            a.Observe(answer);
            b.Observe(answer);
        }

        Assert.Equal(a.PredictCorrect(1, [0], 0), b.PredictCorrect(1, [0], 0), 12);
    }
}
