using LtiTool.Lti.Http;
using LtiTool.Lti.Keys;
using LtiTool.Lti.Services;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

// In the namespace of IServiceCollection, as ASP.NET Core's own Add… extensions are, so Hosting needs no using.
/// <summary>Registers the LTI Advantage service clients: <see cref="AgsClient"/>, <see cref="NrpsClient"/>, <see cref="ServiceTokenClient"/>.</summary>
public static class ServicesExtensions
{
    public static IServiceCollection AddLtiServices(this IServiceCollection services)
    {
        services.AddOptions<ServicesOptions>()
            .BindConfiguration(ServicesOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // Timeouts belong to the resilience pipelines, per attempt and in total, not to HttpClient.
        services.AddHttpClient(ServiceHttp.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(ServiceHttp.CreateHandler);

        services.AddSingleton(sp => new ServiceUrlGuard(
            sp.GetRequiredService<UrlPolicy>(), sp.GetRequiredService<IOptions<ServicesOptions>>(), sp.GetRequiredService<ILogger<ServiceUrlGuard>>()));
        services.AddSingleton(sp => new ClientAssertionFactory(
            sp.GetRequiredService<ToolKeyRing>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<ServicesOptions>>()));
        services.AddSingleton(sp => new ServicePipelines(
            sp.GetRequiredService<IOptions<ServicesOptions>>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<ServicePipelines>>()));
        services.AddSingleton(sp => new ServicePager(sp.GetRequiredService<IOptions<ServicesOptions>>(), sp.GetRequiredService<ILogger<ServicePager>>()));
        services.AddSingleton(sp => new ServiceTokenClient(
            sp.GetRequiredService<IHttpClientFactory>(),
            sp.GetRequiredService<ClientAssertionFactory>(),
            sp.GetRequiredService<ServicePipelines>(),
            sp.GetRequiredService<UrlPolicy>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<ServicesOptions>>(),
            sp.GetRequiredService<ILogger<ServiceTokenClient>>()));
        services.AddSingleton(sp => new ServiceHttp(
            sp.GetRequiredService<IHttpClientFactory>(),
            sp.GetRequiredService<ServiceTokenClient>(),
            sp.GetRequiredService<ServicePipelines>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<ServicesOptions>>(),
            sp.GetRequiredService<ILogger<ServiceHttp>>()));
        services.AddSingleton(sp => new AgsClient(sp.GetRequiredService<ServiceHttp>(), sp.GetRequiredService<ServiceUrlGuard>(), sp.GetRequiredService<ServicePager>()));
        services.AddSingleton(sp => new NrpsClient(sp.GetRequiredService<ServiceHttp>(), sp.GetRequiredService<ServiceUrlGuard>(), sp.GetRequiredService<ServicePager>()));
        return services;
    }
}
