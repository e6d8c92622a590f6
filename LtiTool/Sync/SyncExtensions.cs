using LtiTool.Data;
using LtiTool.Lti.Launch;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LtiTool.Sync;

public static class SyncExtensions
{
    /// <summary>Registers grade and roster sync: options, stores, the worker, and the launch hook. Call after AddDataAccess.</summary>
    public static IServiceCollection AddCourseSync(this IServiceCollection services)
    {
        services.AddOptions<SyncOptions>()
            .BindConfiguration(SyncOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<ToolInstance>();
        services.AddSingleton<ICourseDataStore, CourseDataStore>();
        services.AddSingleton<IJobLeaseStore, JobLeaseStore>();
        services.AddSingleton<CourseSyncRequests>();
        services.AddSingleton<CourseSync>();
        services.AddSingleton<CourseSyncWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<CourseSyncWorker>());

        // Every stored launch queues its course: the launch store is decorated rather than the launch endpoint changed.
        var launchStore = services.LastOrDefault(d => d.ServiceType == typeof(ILaunchStore))
            ?? throw new InvalidOperationException("AddCourseSync must be called after AddDataAccess.");
        var inner = launchStore.ImplementationType
            ?? throw new InvalidOperationException("The launch store must be registered by type to be decorated.");
        services.Replace(ServiceDescriptor.Singleton<ILaunchStore>(sp =>
            new SyncOnLaunchStore((ILaunchStore)ActivatorUtilities.CreateInstance(sp, inner), sp.GetRequiredService<CourseSyncRequests>())));
        return services;
    }
}
