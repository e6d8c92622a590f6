using Dapper;
using LtiTool.Data;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LtiTool.Hosting;

/// <summary><c>/health/live</c>: the process answers. <c>/health/ready</c>: the database answers and the schema is current.</summary>
public static class HealthChecks
{
    private const string ReadyTag = "ready";

    public static IServiceCollection AddToolHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag]);
        return services;
    }

    public static IEndpointRouteBuilder MapToolHealthChecks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) });
        return endpoints;
    }

    private sealed class DatabaseHealthCheck(Database database) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                await using var connection = await database.OpenAsync(cancellationToken);
                var version = await connection.ExecuteScalarAsync<int?>("SELECT MAX(version) FROM schema_version;");
                var expected = SchemaMigrator.LatestVersion(database.Dialect.SchemaFolder);
                return version == expected
                    ? HealthCheckResult.Healthy($"schema v{version}")
                    : HealthCheckResult.Unhealthy($"schema v{version?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}, expected v{expected}");
            }
            catch (System.Data.Common.DbException exception)
            {
                return HealthCheckResult.Unhealthy("database unreachable", exception);
            }
        }
    }
}
