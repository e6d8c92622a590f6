using LtiTool.Cli;
using LtiTool.Tests.TestSupport;

namespace LtiTool.Tests.Cli;

/// <summary>The <c>eval</c> verb of the tool's binary reaches the knowledge library's harness.</summary>
public sealed class EvalWiringTests(ToolHostFixture fixture) : IClassFixture<ToolHostFixture>
{
    [Fact]
    public async Task Eval_FractionSubtractionWithBaseline_PrintsTheResultsTable()
    {
        var data = RepositoryRoot.File("EduRecLti.Knowledge.Tests", "Datasets", "Samples", "fraction-subtraction");
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await ToolCli.RunAsync(["eval", "--data", data, "--model", "baseline", "--folds", "2"], fixture.Tool.Services, output, error);

        Assert.True(exit == 0, error.ToString());
        Assert.Contains("baseline", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("AUC", output.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Eval_MissingDataDirectory_ExitsWithUsageError()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await ToolCli.RunAsync(["eval", "--data", "/no/such/folder"], fixture.Tool.Services, output, error);

        Assert.Equal(2, exit);
    }

    [Fact]
    public async Task NoArguments_PrintsUsage()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await ToolCli.RunAsync([], fixture.Tool.Services, output, error);

        Assert.Equal(0, exit);
        Assert.Contains("platforms add", output.ToString(), StringComparison.Ordinal);
    }
}
