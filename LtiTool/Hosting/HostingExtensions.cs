using LtiTool.Data;

namespace LtiTool.Hosting;

/// <summary>The one place that wires the features together; Program.cs reads as its table of contents.</summary>
public static class HostingExtensions
{
    public static WebApplicationBuilder AddLtiTool(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddDataAccess();
        builder.AddDemoLms();
        return builder;
    }

    public static WebApplication MapLtiTool(this WebApplication app)
    {
        app.MapDemoLms();
        return app;
    }
}
