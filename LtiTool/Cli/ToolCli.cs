using LtiTool.Data;
using LtiTool.Lti.Http;
using LtiTool.Lti.Keys;
using LtiTool.Lti.Platforms;

namespace LtiTool.Cli;

/// <summary>
/// Administration commands on the same binary as the web app (DESIGN.md fixed contract):
/// <c>platforms add|list|remove</c>, <c>keys rotate|list</c>, <c>migrate</c>, <c>eval</c>, <c>bench sync</c>.
/// </summary>
public static class ToolCli
{
    public const string Usage = """
        Usage:
          dotnet run --project LtiTool                      start the tool (http://127.0.0.1:5055)
          dotnet run --project LtiTool -- platforms add --issuer URL --client-id ID --deployment-id ID[,ID...]
                     --auth-url URL --token-url URL --jwks-url URL [--token-audience AUD]
          dotnet run --project LtiTool -- platforms list
          dotnet run --project LtiTool -- platforms remove --issuer URL --client-id ID
          dotnet run --project LtiTool -- keys rotate        promote the next signing key, publish a new next key
          dotnet run --project LtiTool -- keys list
          dotnet run --project LtiTool -- migrate            apply pending database schema scripts
          dotnet run --project LtiTool -- eval --data DIR [--model NAME] [--folds K] [--seed S] [--json]
          dotnet run --project LtiTool -- bench sync --lms URL   time one full sync from a demo LMS (scripts/bench-sync.sh)
        """;

    private static readonly string[] Commands = ["platforms", "keys", "migrate", "eval", "bench", "help", "--help"];

    public static bool IsCommand(string[] args) => args is { Length: > 0 } && Commands.Contains(args[0], StringComparer.OrdinalIgnoreCase);

    public static async Task<int> RunAsync(string[] args, IServiceProvider services, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            if (args is ["eval", ..])
            {
                // The ML.NET models joined the catalog when the host was built (AddKnowledgeModels), so eval names them like the others.
                return await EduRecLti.Knowledge.Evaluation.EvalCommand.RunAsync(args[1..], output, error);
            }

            var commandLine = CommandLine.Parse(args);
            var verb = string.Join(' ', commandLine.Verbs).ToLowerInvariant();
            if (verb is "help" or "")
            {
                await output.WriteLineAsync(Usage);
                return 0;
            }

            var migrator = services.GetRequiredService<SchemaMigrator>();
            var applied = await migrator.MigrateAsync();
            return verb switch
            {
                "migrate" => await ReportMigrationAsync(applied, services.GetRequiredService<Database>(), output),
                "platforms add" => await PlatformCommands.AddAsync(commandLine, services.GetRequiredService<IPlatformStore>(), services.GetRequiredService<UrlPolicy>(), output),
                "platforms list" => await PlatformCommands.ListAsync(services.GetRequiredService<IPlatformStore>(), output),
                "platforms remove" => await PlatformCommands.RemoveAsync(commandLine, services.GetRequiredService<IPlatformStore>(), output),
                "keys rotate" => await KeyCommands.RotateAsync(services.GetRequiredService<ToolKeyRing>(), output),
                "keys list" => await KeyCommands.ListAsync(services.GetRequiredService<IToolKeyStore>(), output),
                "bench sync" => await BenchCommands.SyncAsync(commandLine, services, output),
                _ => throw new UsageException($"Unknown command '{verb}'."),
            };
        }
        catch (UsageException usage)
        {
            await error.WriteLineAsync(usage.Message);
            await error.WriteLineAsync(Usage);
            return 2;
        }
    }

    private static async Task<int> ReportMigrationAsync(IReadOnlyList<int> applied, Database database, TextWriter output)
    {
        await output.WriteLineAsync(applied.Count == 0
            ? $"{database.Describe()}: schema is up to date."
            : $"{database.Describe()}: applied schema version(s) {string.Join(", ", applied)}.");
        return 0;
    }
}
