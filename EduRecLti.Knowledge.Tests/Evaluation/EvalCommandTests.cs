using System.Text.Json;
using EduRecLti.Knowledge.Evaluation;
using EduRecLti.Knowledge.Tests.Datasets;

namespace EduRecLti.Knowledge.Tests.Evaluation;

public sealed class EvalCommandTests
{
    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await EvalCommand.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Theory]
    [InlineData("--folds", "1")]
    [InlineData("--seed", "x")]
    [InlineData("--bogus")]
    [InlineData("--model", "no-such-model")]
    public async Task RunAsync_BadArguments_ExitsWithTwoAndExplains(params string[] extra)
    {
        var (code, output, error) = await RunAsync(["--data", Samples.Directory("ecpe"), .. extra]);

        Assert.Equal(EvalCommand.BadArguments, code);
        Assert.Empty(output);
        Assert.Contains("usage: eval", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_NoData_ExitsWithTwo()
    {
        var (code, _, error) = await RunAsync("--model", "baseline");

        Assert.Equal(EvalCommand.BadArguments, code);
        Assert.Contains("--data DIR is required", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_UnknownDataDirectory_ExitsWithTwo()
    {
        using var directory = new TempDirectory();
        directory.Write("studentAssessment.csv", "id_assessment,id_student,date_submitted,is_banked,score\n1752,11391,18,0,78\n");

        var (code, _, error) = await RunAsync("--data", directory.Path);

        Assert.Equal(EvalCommand.BadArguments, code);
        Assert.Contains("No known data format", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_BaselineOnGervetSlice_PrintsTableWithSplitAndCalibration()
    {
        var (code, output, _) = await RunAsync("--data", Samples.Directory("assist2009-gervet"), "--model", "baseline", "--max-students", "40");

        Assert.Equal(EvalCommand.Success, code);
        Assert.Contains("[S3]", output, StringComparison.Ordinal);
        Assert.Matches(@"baseline\s+0\.\d{4}\s+0\.\d{4}", output);
        Assert.Contains("calibration of baseline", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_JsonTwiceWithSameSeed_GivesIdenticalMetrics()
    {
        string[] args = ["--data", Samples.Directory("assist2009-akt-pid"), "--split", "S2d", "--model", "baseline", "--json"];

        var first = await RunAsync(args);
        var second = await RunAsync(args);

        Assert.Equal(EvalCommand.Success, first.Code);
        var benchmark = Metrics(first.Output);
        Assert.Equal("S2d", benchmark.GetProperty("splitId").GetString());
        Assert.Equal(5, benchmark.GetProperty("folds").GetInt32());
        var model = benchmark.GetProperty("models")[0];
        Assert.Equal("ok", model.GetProperty("status").GetString());
        Assert.InRange(model.GetProperty("metrics").GetProperty("auc").GetProperty("mean").GetDouble(), 0.55, 0.85);
        Assert.Equal(10, model.GetProperty("calibration").GetArrayLength());
        Assert.Equal(model.GetProperty("metrics").GetRawText(), Metrics(second.Output).GetProperty("models")[0].GetProperty("metrics").GetRawText());
    }

    [Fact]
    public async Task RunAsync_MatrixWithFolds_MasksAndReportsRepetitions()
    {
        var (code, output, _) = await RunAsync("--data", Samples.Directory("fraction-subtraction"), "--model", "baseline", "--folds", "3", "--seed", "7", "--json");

        Assert.Equal(EvalCommand.Success, code);
        var benchmark = Metrics(output);
        Assert.Equal("mask20", benchmark.GetProperty("splitId").GetString());
        Assert.Equal(3, benchmark.GetProperty("folds").GetInt32());
        Assert.Equal(3 * 2144, benchmark.GetProperty("models")[0].GetProperty("predictions").GetInt32());
    }

    private static JsonElement Metrics(string json) => JsonDocument.Parse(json).RootElement.GetProperty("benchmarks")[0];
}
