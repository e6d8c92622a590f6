using LtiTool.Lti.Keys;
using LtiTool.Lti.Launch;
using LtiTool.Lti.Login;
using LtiTool.Lti.Platforms;
using LtiTool.Recommendations;

namespace LtiTool.Data;

public static class DataExtensions
{
    /// <summary>Registers the database, the schema migrator and every store.</summary>
    public static IServiceCollection AddDataAccess(this IServiceCollection services)
    {
        services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<Database>();
        services.AddSingleton<SchemaMigrator>();
        services.AddHostedService<SchemaMigrationService>();
        services.AddSingleton<IPlatformStore, PlatformStore>();
        services.AddSingleton<ILoginStateStore, LoginStateStore>();
        services.AddSingleton<ILaunchStore, LaunchStore>();
        services.AddSingleton<IToolKeyStore, ToolKeyStore>();
        services.AddSingleton<ITrainedModelStore, TrainedModelStore>();
        return services;
    }
}
