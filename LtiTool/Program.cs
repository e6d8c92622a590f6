using LtiTool.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddLtiTool();

var app = builder.Build();
app.MapLtiTool();
app.Run();

/// <summary>Entry point; public so integration tests can host the app with WebApplicationFactory.</summary>
public partial class Program;
