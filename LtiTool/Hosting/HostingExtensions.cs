using System.Threading.RateLimiting;
using LtiTool.Admin;
using LtiTool.Dashboard;
using LtiTool.Data;
using LtiTool.DeepLinking;
using LtiTool.Evidence;
using LtiTool.Lti;
using LtiTool.Lti.Http;
using LtiTool.Lti.Keys;
using LtiTool.Lti.Launch;
using LtiTool.Lti.Login;
using LtiTool.Lti.Sessions;
using LtiTool.Outbox;
using LtiTool.Recommendations;
using LtiTool.Skills;
using LtiTool.Sync;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace LtiTool.Hosting;

/// <summary>The one place that wires the features together; Program.cs reads as its table of contents.</summary>
public static class HostingExtensions
{
    /// <summary>Largest request body the tool accepts anywhere; launches are far smaller (catalogue case 23).</summary>
    private const long MaxRequestBodyBytes = 1024 * 1024;

    public static WebApplicationBuilder AddLtiTool(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<LtiOptions>()
            .BindConfiguration(LtiOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddDataAccess();
        services.AddToolKeys();
        services.AddLtiProtocol();
        services.AddLtiServices();
        services.AddToolPages();
        services.AddToolHealthChecks();
        services.AddSkillMappings();
        services.AddCourseData();
        services.AddKnowledgeModels();
        services.AddCourseEvidence();
        services.AddClassDashboard();
        services.AddDeepLinking();
        services.AddAdmin();
        builder.AddDemoLms();
        return builder;
    }

    public static WebApplication MapLtiTool(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapToolHealthChecks();
        app.MapJwks();
        app.MapLtiLogin();
        app.MapLtiLaunch();
        app.MapToolApi();
        app.MapSkillMappings();
        app.MapCourseSync();
        app.MapAdmin();
        app.MapRazorPages();
        app.MapDemoLms();
        return app;
    }

    private static IServiceCollection AddToolKeys(this IServiceCollection services)
    {
        // The Data Protection key ring lives in the database so every instance can read the tool's private keys.
        services.AddDataProtection().SetApplicationName("EduRecLti");
        services.AddOptions<KeyManagementOptions>()
            .Configure<Database>((options, database) => options.XmlRepository = new DataProtectionKeyRepository(database));
        services.AddSingleton<ToolKeyRing>();
        services.AddHostedService<ToolKeyInitializer>();
        return services;
    }

    private static IServiceCollection AddLtiProtocol(this IServiceCollection services)
    {
        services.AddSingleton<UrlPolicy>();
        services.AddSingleton<ToolUrls>();
        services.AddSingleton<PlatformKeyCache>();
        services.AddHttpClient(PlatformKeyCache.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(10))
            // Redirects are refused: a JWKS URL that redirects could lead the fetch anywhere (catalogue case 94).
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, ConnectTimeout = TimeSpan.FromSeconds(5) });
        services.AddSingleton<LaunchClaimsReader>();
        LaunchValidator.AddLaunchSteps(services);
        services.AddSingleton<ToolApiTokens>();
        services.AddHostedService<LoginStateCleanupService>();
        services.AddRateLimiter(limiter =>
        {
            limiter.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                return new ValueTask(LtiResults.ErrorPage(context.HttpContext, LtiErrors.LoginRateLimited).ExecuteAsync(context.HttpContext));
            };
            limiter.AddPolicy(LoginEndpoint.RateLimiterPolicy, context =>
            {
                var permits = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<LtiOptions>>().Value.LoginsPerMinutePerClient;
                return RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
            });
        });
        return services;
    }

    /// <summary>Grade and roster sync and score passback, over the AGS and NRPS clients (issue 3 items 6–7).</summary>
    private static IServiceCollection AddCourseData(this IServiceCollection services)
    {
        services.AddCourseSync();
        services.AddSingleton<ICourseDataSource, LtiCourseDataSource>();
        services.AddScoreOutbox();
        services.AddSingleton<IScoreSender, AgsScoreSender>();
        return services;
    }

    private static IServiceCollection AddToolPages(this IServiceCollection services)
    {
        services.AddRazorPages();
        services.AddLocalization();
        services.AddRazorComponents();
        // The tool lives in iframes: framing is governed by CSP frame-ancestors, never by X-Frame-Options.
        services.AddAntiforgery(options => options.SuppressXFrameOptionsHeader = true);
        services.AddProblemDetails();
        services.AddExceptionHandler<ErrorHandling>();
        services.AddSingleton<FrameAncestors>();
        services.AddToolApiAuthentication();
        return services;
    }
}
