using System.Threading.RateLimiting;
using LtiTool.Lti;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace LtiTool.Admin;

/// <summary>
/// The admin area and the registration artefacts: <c>/lti/config/canvas.json</c>, the setup page and the admin
/// sign-in. Admins authenticate with the admin credential (<see cref="AdminCredential"/>) and then hold a cookie of
/// their own scheme, used only on the top-level admin pages (never inside an LMS iframe).
/// </summary>
public static class AdminExtensions
{
    public const string Scheme = "EduRecAdmin";
    public const string Policy = "admin";
    public const string SignInRateLimiterPolicy = "admin-sign-in";
    public const string CanvasConfigPath = "/lti/config/canvas.json";
    public const string SignInPath = "/admin/signin";

    private const string CookieName = "edurec-admin";

    public static IServiceCollection AddAdmin(this IServiceCollection services)
    {
        services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ToolRegistration>();
        services.AddSingleton<AdminCredential>();
        services.AddHostedService<AdminCredential.SetupSecretAnnouncer>();

        services.AddAuthentication().AddCookie(Scheme);
        services.AddOptions<CookieAuthenticationOptions>(Scheme).Configure<IOptions<AdminOptions>>((cookie, admin) =>
        {
            cookie.Cookie.Name = CookieName;
            cookie.Cookie.HttpOnly = true;
            // Strict: the admin pages are opened top-level, so no other site's request ever carries the cookie.
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.Cookie.Path = "/";
            cookie.ExpireTimeSpan = admin.Value.SignInLifetime;
            cookie.SlidingExpiration = true;
            cookie.LoginPath = SignInPath;
            cookie.AccessDeniedPath = SignInPath;
        });
        services.AddAuthorizationBuilder().AddPolicy(Policy, policy => policy.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser());
        services.Configure<RazorPagesOptions>(pages => pages.Conventions
            .AuthorizeFolder("/Admin", Policy)
            .AllowAnonymousToPage("/Admin/SignIn"));
        services.AddRateLimiter(limiter => limiter.AddPolicy(SignInRateLimiterPolicy, context =>
        {
            var permits = context.RequestServices.GetRequiredService<IOptions<AdminOptions>>().Value.SignInsPerMinutePerClient;
            return RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
        }));
        return services;
    }

    public static IEndpointRouteBuilder MapAdmin(this IEndpointRouteBuilder endpoints)
    {
        // Public on purpose: Canvas's "Enter URL" install method fetches it without credentials.
        endpoints.MapGet(CanvasConfigPath, (HttpContext context, ToolRegistration registration, ToolUrls urls) =>
            Results.Text(registration.Render(new Uri(urls.BaseUrl(context.Request))).ToJsonString(), "application/json; charset=utf-8"));
        return endpoints;
    }
}
