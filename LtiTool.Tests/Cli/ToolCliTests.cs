using LtiTool.Cli;
using LtiTool.Lti.Keys;
using LtiTool.Tests.TestSupport;

namespace LtiTool.Tests.Cli;

/// <summary>The administration commands on the tool's binary (DESIGN.md fixed contract), run against a real database.</summary>
public sealed class ToolCliTests(ToolHostFixture fixture) : IClassFixture<ToolHostFixture>
{
    [Fact]
    public async Task PlatformsAdd_AllOptions_RegisteredAndListedWithDeployments()
    {
        const string issuer = "https://moodle.school.example";

        var add = await RunAsync(AddArgs(issuer, "moodle-client", "dep-1"));
        var list = await RunAsync("platforms", "list");

        Assert.Equal((0, string.Empty), (add.ExitCode, add.Error));
        var platform = await fixture.Tool.Platforms.FindAsync(issuer, "moodle-client");
        Assert.NotNull(platform);
        Assert.Equal(issuer + "/mod/lti/auth.php", platform.AuthUrl);
        Assert.Equal(issuer + "/mod/lti/token.php", platform.TokenUrl);
        Assert.Equal(issuer + "/mod/lti/certs.php", platform.JwksUrl);
        Assert.Equal("moodle-audience", platform.TokenAudience);
        Assert.Equal(0, list.ExitCode);
        var line = Assert.Single(list.Output.Split('\n'), l => l.StartsWith(issuer + " ", StringComparison.Ordinal));
        Assert.Contains("client id moodle-client", line, StringComparison.Ordinal);
        Assert.Contains("deployments dep-1", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlatformsAdd_CommaSeparatedDeployments_TwoDeploymentsRegistered()
    {
        const string issuer = "https://canvas.school.example";

        var add = await RunAsync(AddArgs(issuer, "canvas-client", "a,b"));

        Assert.Equal(0, add.ExitCode);
        var platform = await fixture.Tool.Platforms.FindAsync(issuer, "canvas-client");
        Assert.NotNull(platform);
        Assert.Equal(["a", "b"], (await fixture.Tool.Platforms.ListDeploymentsAsync(platform.Id)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task PlatformsAdd_JwksUrlMissing_Exit2WithUsageAndNothingRegistered()
    {
        const string issuer = "https://missing-jwks.example";
        var args = AddArgs(issuer, "c", "d").ToList();
        var jwks = args.IndexOf("--jwks-url");
        args.RemoveRange(jwks, 2);

        var result = await RunAsync([.. args]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--jwks-url is required", result.Error, StringComparison.Ordinal);
        Assert.Contains(ToolCli.Usage, result.Error, StringComparison.Ordinal);
        Assert.Empty(await fixture.Tool.Platforms.FindByIssuerAsync(issuer));
    }

    [Theory]
    [InlineData("--jwks-url", "http://lms.example.edu/jwks")]
    [InlineData("--auth-url", "http://lms.example.edu/auth")]
    [InlineData("--token-url", "http://10.1.2.3/token")]
    [InlineData("--jwks-url", "https://admin:pw@lms.example.edu/jwks")]
    [InlineData("--jwks-url", "lms.example.edu/jwks")]
    public async Task PlatformsAdd_UrlNotHttps_Exit2AndNothingRegistered(string option, string url)
    {
        const string issuer = "https://plain-http.example";
        var args = AddArgs(issuer, "c", "d").ToList();
        args[args.IndexOf(option) + 1] = url;

        var result = await RunAsync([.. args]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(option, result.Error, StringComparison.Ordinal);
        Assert.Empty(await fixture.Tool.Platforms.FindByIssuerAsync(issuer));
    }

    [Fact]
    public async Task PlatformsRemove_Registered_RemovedAndGoneFromList()
    {
        const string issuer = "https://brightspace.school.example";
        await RunAsync(AddArgs(issuer, "d2l-client", "x"));

        var remove = await RunAsync("platforms", "remove", "--issuer", issuer, "--client-id", "d2l-client");
        var list = await RunAsync("platforms", "list");

        Assert.Equal(0, remove.ExitCode);
        Assert.Null(await fixture.Tool.Platforms.FindAsync(issuer, "d2l-client"));
        Assert.DoesNotContain(issuer, list.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlatformsRemove_NotRegistered_Exit1()
    {
        var result = await RunAsync("platforms", "remove", "--issuer", "https://never.example", "--client-id", "none");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("No registration", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeysRotate_Run_SigningKidChangesToTheFormerNextKey()
    {
        var ring = fixture.Tool.Service<ToolKeyRing>();
        var before = (await ring.GetSigningCredentialsAsync()).Key.KeyId;
        var next = (await fixture.Tool.Service<IToolKeyStore>().ListAsync()).Single(k => k.Status == ToolKeyRecord.Next).Kid;

        var result = await RunAsync("keys", "rotate");
        var after = (await ring.GetSigningCredentialsAsync()).Key.KeyId;

        Assert.Equal(0, result.ExitCode);
        Assert.NotEqual(before, after);
        Assert.Equal(next, after);
        Assert.Contains(after, result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_MigratedDatabase_ReportsUpToDate()
    {
        var result = await RunAsync("migrate");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("up to date", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("platforms", "delete")]
    [InlineData("keys")]
    public async Task Cli_UnknownVerb_Exit2WithUsage(params string[] args)
    {
        var result = await RunAsync(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Unknown command", result.Error, StringComparison.Ordinal);
        Assert.Contains(ToolCli.Usage, result.Error, StringComparison.Ordinal);
    }

    private static string[] AddArgs(string issuer, string clientId, string deployments) =>
    [
        "platforms", "add",
        "--issuer", issuer,
        "--client-id", clientId,
        "--deployment-id", deployments,
        "--auth-url", issuer + "/mod/lti/auth.php",
        "--token-url", issuer + "/mod/lti/token.php",
        "--jwks-url", issuer + "/mod/lti/certs.php",
        "--token-audience", "moodle-audience",
    ];

    private async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await ToolCli.RunAsync(args, fixture.Tool.Services, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }
}
