using System.Text;
using LtiTool.Demo;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Microsoft.AspNetCore.Builder;

// In the namespace of WebApplicationBuilder, as ASP.NET Core's own Add…/Map… extensions are, so Hosting needs no using.
/// <summary>Wires the demo LMS into the app: nothing at all unless <c>Demo:Enabled</c> (default: Development only).</summary>
public static class DemoExtensions
{
    public static WebApplicationBuilder AddDemoLms(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!IsEnabled(builder.Configuration, builder.Environment))
        {
            return builder;
        }

        var services = builder.Services;
        services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<DemoOptions>>().Value;
            return DemoCourse.Create(options.Seed, sp.GetRequiredService<TimeProvider>().GetUtcNow(), options.Students, options.Assignments);
        });
        services.AddSingleton<DemoGradebook>();
        services.AddSingleton<DemoPlatform>();
        services.AddSingleton<DemoFaults>();
        services.AddSingleton<DemoAccessTokens>();
        services.AddSingleton<DemoDeepLinkData>();
        services.AddSingleton<DemoBaseUrl>();
        services.AddSingleton<DemoRegistrar>();
        services.AddSingleton<DemoToolTokenValidator>();
        services.AddHttpClient(DemoToolTokenValidator.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(10));
        // Registered after AddDataAccess, and runs in StartedAsync: after the schema migration and once Kestrel listens.
        services.AddHostedService<DemoStartup>();
        services.AddTransient<IStartupFilter, DemoJwksCacheHeader>();
        // Moodle writes rel=“next” with curly quotes as UTF-8 bytes; Kestrel refuses non-ASCII header values unless told.
        services.Configure<KestrelServerOptions>(kestrel =>
            kestrel.ResponseHeaderEncodingSelector = name => name == HeaderNames.Link ? Encoding.UTF8 : null);
        return builder;
    }

    public static WebApplication MapDemoLms(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!IsEnabled(app.Configuration, app.Environment))
        {
            return app;
        }

        var demo = app.MapGroup("/demo").ExcludeFromDescription();
        demo.MapGet(string.Empty, DemoHomePage.Handle);
        demo.MapGet("/gradebook", DemoGradebookPage.Handle);
        demo.MapGet(DemoGradebookExport.Path, DemoGradebookExport.Handle);
        demo.MapGet("/launch", DemoLaunchEndpoint.HandleAsync);
        demo.MapMethods("/authorize", [HttpMethods.Get, HttpMethods.Post], DemoAuthorizeEndpoint.HandleAsync);
        demo.MapPost("/token", DemoTokenEndpoint.HandleAsync).AddEndpointFilter(new DemoFaultFilter(DemoEndpointKind.Token));
        demo.MapPost("/deeplink/return", DemoDeepLinkReturnEndpoint.HandleAsync);
        DemoJwksEndpoint.Map(demo);
        DemoAssets.Map(demo);
        var api = demo.MapGroup("/api");
        DemoAgsEndpoints.Map(api);
        DemoNrpsEndpoint.Map(api);
        if (app.Environment.IsDevelopment())
        {
            DemoFaultsEndpoint.Map(demo);
        }

        return app;
    }

    private static bool IsEnabled(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetValue<bool?>($"{DemoOptions.SectionName}:{nameof(DemoOptions.Enabled)}") ?? environment.IsDevelopment();
}
