using System.Net;
using LtiTool.Data;
using LtiTool.Lti.Launch;
using LtiTool.Lti.Login;
using LtiTool.Lti.Platforms;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LtiTool.Tests.TestSupport;

/// <summary>
/// The tool on real Kestrel on a loopback port, with its own SQLite file (or the PostgreSQL of the fixture) and a
/// fake clock. Every test class gets a fresh database, so no test sees another's rows.
/// </summary>
public sealed class ToolHost : WebApplicationFactory<Program>
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "edurec-tests-" + Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, string?> _settings;
    private readonly string _environment;
    private readonly Action<IServiceCollection>? _configureServices;

    /// <param name="configureServices">Runs after the app's own registrations: a test replaces or decorates services here.</param>
    public ToolHost(IDictionary<string, string?>? settings = null, string environment = "Testing", Action<IServiceCollection>? configureServices = null)
    {
        _configureServices = configureServices;
        Directory.CreateDirectory(_dataDirectory);
        _environment = environment;
        _settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:ConnectionString"] = $"Data Source={Path.Combine(_dataDirectory, "edurec.db")}",
            ["Lti:AllowHttpLoopback"] = "true",
            ["Lti:LoginsPerMinutePerClient"] = "100000",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }

        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
    }

    // Starts at the real time: JwtBearer judges the API tokens against the system clock.
    public FakeClockRealTimers Time { get; } = new(TimeProvider.System.GetUtcNow());

    /// <summary>Where the tool listens, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string BaseUrl { get; }

    public string LaunchUrl => BaseUrl + "/lti/launch";

    public string LoginUrl => BaseUrl + "/lti/login";

    public T Service<T>()
        where T : notnull => Services.GetRequiredService<T>();

    public Task<int> LoginStateCountAsync() => Service<ILoginStateStore>().CountAsync();

    public Task<int> LaunchCountAsync() => Service<ILaunchStore>().CountAsync();

    public IPlatformStore Platforms => Service<IPlatformStore>();

    /// <summary>An HTTP client that follows no redirects and keeps no cookies: tests see every hop.</summary>
    public HttpClient NewClient() => new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
    {
        BaseAddress = new Uri(BaseUrl),
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(_settings));
        builder.ConfigureServices(services =>
        {
            services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Time));
            _configureServices?.Invoke(services);
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a pooled connection is left for the OS temp cleaner.
        }
    }
}
