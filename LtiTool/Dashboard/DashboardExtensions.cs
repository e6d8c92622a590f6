namespace LtiTool.Dashboard;

public static class DashboardExtensions
{
    /// <summary>The class dashboard's mastery table and judgements.</summary>
    public static IServiceCollection AddClassDashboard(this IServiceCollection services)
    {
        services.AddOptions<DashboardOptions>().BindConfiguration(DashboardOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IClassMasterySource, SyncedClassMasterySource>();
        return services;
    }
}
