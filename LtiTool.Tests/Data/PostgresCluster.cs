using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Dapper;
using Npgsql;

namespace LtiTool.Tests.Data;

/// <summary>
/// The PostgreSQL server of one test run: the server named by <c>EDUREC_TEST_POSTGRES</c> when that is set, else a
/// throwaway cluster from the newest <c>/usr/lib/postgresql/*/bin</c> on a free loopback port, removed afterwards.
/// Every test class gets a database of its own from <see cref="CreateDatabaseAsync"/>. Without either, PostgreSQL tests
/// are skipped, except under <c>CI=true</c>, where this fixture throws so that the run fails.
/// </summary>
public sealed class PostgresCluster : IAsyncLifetime
{
    public const string ConnectionStringVariable = "EDUREC_TEST_POSTGRES";

    private const string BinariesRoot = "/usr/lib/postgresql";
    private const string ServiceUser = "postgres";

    private string? _adminConnectionString;
    private string? _directory;
    private string? _binaries;

    /// <summary>Why PostgreSQL tests are skipped on this machine; null when they run, and always null under CI=true.</summary>
    public static string? SkipReason { get; } = IsCi ? null : FindUnavailableReason();

    /// <summary>True once a server is ready for <see cref="CreateDatabaseAsync"/>.</summary>
    public bool IsRunning => _adminConnectionString is not null;

    private static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    // initdb and pg_ctl refuse to run as root; as root they run as the postgres service user.
    private static bool IsRoot => Environment.UserName == "root";

    public async Task InitializeAsync()
    {
        var external = Environment.GetEnvironmentVariable(ConnectionStringVariable);
        if (!string.IsNullOrWhiteSpace(external))
        {
            _adminConnectionString = external;
            return;
        }

        if (FindUnavailableReason() is { } reason)
        {
            // Under CI=true nothing was skipped at discovery, so the tests must see a failure, not a silent pass.
            if (IsCi)
            {
                throw new InvalidOperationException("CI=true requires the PostgreSQL tests to run, but " + reason);
            }

            return;
        }

        _binaries = FindBinaries()!;
        _directory = Path.Combine(IsRoot ? "/tmp" : Path.GetTempPath(), "edurec-pg-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        AppDomain.CurrentDomain.ProcessExit += StopOnExit;
        try
        {
            _adminConnectionString = await StartClusterAsync(_directory);
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        AppDomain.CurrentDomain.ProcessExit -= StopOnExit;
        await StopAndRemoveAsync();
    }

    /// <summary>Creates an empty database with a unique name and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var admin = _adminConnectionString ?? throw new InvalidOperationException("The PostgreSQL cluster is not running.");
        var name = "edurec_test_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.ExecuteAsync($"CREATE DATABASE {name};");
        }

        return new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = true }.ConnectionString;
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/>; matters on a shared EDUREC_TEST_POSTGRES server.</summary>
    public async Task DropDatabaseAsync(string connectionString)
    {
        var admin = _adminConnectionString ?? throw new InvalidOperationException("The PostgreSQL cluster is not running.");
        await using (var pooled = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await using var connection = new NpgsqlConnection(admin);
        await connection.ExecuteAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE);");
    }

    private async Task<string> StartClusterAsync(string directory)
    {
        if (IsRoot)
        {
            await RunAsync("chown", ServiceUser, directory);
        }

        await RunPostgresToolAsync("initdb", "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8", "--locale", "C", "-D", DataDirectory);
        var port = FreeLoopbackPort();
        var log = Path.Combine(directory, "server.log");
        try
        {
            await RunPostgresToolAsync(
                "pg_ctl", "-D", DataDirectory, "-l", log, "-w",
                "-o", $"-c listen_addresses=127.0.0.1 -p {port.ToString(CultureInfo.InvariantCulture)} -k {directory} -c fsync=off",
                "start");
        }
        catch (InvalidOperationException exception) when (File.Exists(log))
        {
            throw new InvalidOperationException(exception.Message + "\nserver.log:\n" + await File.ReadAllTextAsync(log), exception);
        }

        return new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Username = "postgres",
            Database = "postgres",
            Pooling = false,
        }.ConnectionString;
    }

    private string DataDirectory => Path.Combine(_directory!, "data");

    private static string? FindUnavailableReason()
    {
        if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(ConnectionStringVariable)))
        {
            return null;
        }

        if (FindBinaries() is null)
        {
            return $"PostgreSQL is not available: set {ConnectionStringVariable} to a connection string, " +
                $"or install PostgreSQL so that initdb and pg_ctl are in {BinariesRoot}/<version>/bin.";
        }

        return IsRoot && FindOnPath("runuser") is null
            ? "PostgreSQL is not available: running as root needs runuser (util-linux) to start initdb and pg_ctl as the postgres user."
            : null;
    }

    // The highest installed major version: /usr/lib/postgresql/15/bin before /usr/lib/postgresql/9.6/bin.
    private static string? FindBinaries() =>
        !Directory.Exists(BinariesRoot)
            ? null
            : Directory.EnumerateDirectories(BinariesRoot)
                .Select(version => (Version: ParseMajorVersion(Path.GetFileName(version)), Bin: Path.Combine(version, "bin")))
                .Where(candidate => File.Exists(Path.Combine(candidate.Bin, "initdb")) && File.Exists(Path.Combine(candidate.Bin, "pg_ctl")))
                .OrderByDescending(candidate => candidate.Version)
                .Select(candidate => candidate.Bin)
                .FirstOrDefault();

    private static double ParseMajorVersion(string name) =>
        double.TryParse(name, NumberStyles.Float, CultureInfo.InvariantCulture, out var version) ? version : -1;

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Concat(["/usr/sbin", "/sbin"])
            .Select(directory => Path.Combine(directory, program))
            .FirstOrDefault(File.Exists);

    private static int FreeLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }

    private Task RunPostgresToolAsync(string tool, params string[] arguments)
    {
        var path = Path.Combine(_binaries!, tool);
        return IsRoot
            ? RunAsync(FindOnPath("runuser")!, ["-u", ServiceUser, "--", path, .. arguments])
            : RunAsync(path, arguments);
    }

    private static async Task RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{await output}\n{await error}");
        }
    }

    // A test host that is stopped without disposing its fixtures must not leave a server running.
    private void StopOnExit(object? sender, EventArgs e) => StopAndRemoveAsync().GetAwaiter().GetResult();

    private async Task StopAndRemoveAsync()
    {
        if (_directory is null)
        {
            return;
        }

        if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
        {
            await RunPostgresToolAsync("pg_ctl", "-D", DataDirectory, "-m", "immediate", "-w", "stop");
        }

        Directory.Delete(_directory, recursive: true);
        _directory = null;
    }
}
