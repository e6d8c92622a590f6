using EduRecLti.Knowledge.Evaluation;

namespace EduRecLti.Knowledge.MlNet.Tests;

public sealed class MlNetModelsTests
{
    [Fact]
    public void Register_Twice_AddsEveryModelOnceToTheCatalog()
    {
        MlNetModels.Register();
        MlNetModels.Register();

        Assert.All(MlNetModels.Names, name => Assert.Single(ModelCatalog.Names, n => n == name));
        Assert.True(ModelCatalog.TryCreate("gbm-items-elo", out var model));
        Assert.Equal("gbm-items-elo", model.Name);
    }

    [Fact]
    public void Register_TakenNameWithAnotherModel_IsRefused()
    {
        Assert.Throws<InvalidOperationException>(() => ModelCatalog.Register("bkt", () => new BaselineModel()));
    }

    [Fact]
    public async Task Eval_ShortRunOnAGeneratedSlice_ReportsTheBoostedModels()
    {
        MlNetModels.Register();
        var directory = SyntheticCourse.WriteS1Directory(SyntheticCourse.Create(150, 30, seed: 21), trainStudents: 110);
        try
        {
            using var output = new StringWriter();
            using var error = new StringWriter();
            var code = await EvalCommand.RunAsync(["--data", directory, "--model", "baseline,gbm-items,gbm-items-elo"], output, error);

            Assert.Equal(EvalCommand.Success, code);
            var text = output.ToString();
            Assert.Contains("[S1]", text, StringComparison.Ordinal);
            var baseline = Auc(text, "baseline");
            Assert.True(Auc(text, "gbm-items") > baseline, text);
            Assert.True(Auc(text, "gbm-items-elo") > baseline, text);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static double Auc(string report, string model)
    {
        var line = report.Split('\n').First(l => l.StartsWith(model + " ", StringComparison.Ordinal));
        return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
    }
}
