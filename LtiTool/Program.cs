using LtiTool.Cli;
using LtiTool.Hosting;

var builder = WebApplication.CreateBuilder(ToolCli.IsCommand(args) ? [] : args);
builder.AddLtiTool();

var app = builder.Build();
if (ToolCli.IsCommand(args))
{
    return await ToolCli.RunAsync(args, app.Services, Console.Out, Console.Error);
}

app.MapLtiTool();
await app.RunAsync();
return 0;

/// <summary>Entry point; public so integration tests can host the app with WebApplicationFactory.</summary>
public partial class Program;
