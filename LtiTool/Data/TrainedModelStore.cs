using Dapper;
using EduRecLti.Knowledge.Selection;
using LtiTool.Recommendations;

namespace LtiTool.Data;

public sealed class TrainedModelStore(Database database) : ITrainedModelStore
{
    private const string CourseFilter = "platform_id = @PlatformId AND deployment_id = @DeploymentId AND context_id = @ContextId";

    public async Task<TrainedModel> SaveAsync(CourseScope course, TrainedModel model, int keep = 5, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(course);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfLessThan(keep, 1);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var latest = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            $"SELECT MAX(version) FROM trained_models WHERE {CourseFilter};", course, transaction, cancellationToken: cancellationToken));
        var stored = model with { Version = (int)(latest ?? 0) + 1 };
        // Two trainings racing for one course: the primary key refuses the second version number, and the caller retrains later.
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO trained_models (platform_id, deployment_id, context_id, version, model_name, format_version, trained_model, trained_at) " +
            "VALUES (@PlatformId, @DeploymentId, @ContextId, @Version, @ModelName, @FormatVersion, @Json, @TrainedAt);",
            new
            {
                course.PlatformId,
                course.DeploymentId,
                course.ContextId,
                stored.Version,
                stored.ModelName,
                stored.FormatVersion,
                Json = stored.ToJson(),
                TrainedAt = stored.TrainedAt.ToUnixTimeSeconds(),
            },
            transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            $"DELETE FROM trained_models WHERE {CourseFilter} AND version <= @Oldest;",
            new { course.PlatformId, course.DeploymentId, course.ContextId, Oldest = stored.Version - keep },
            transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return stored;
    }

    public async Task<TrainedModel?> GetLatestAsync(CourseScope course, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var json = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            $"SELECT trained_model FROM trained_models WHERE {CourseFilter} ORDER BY version DESC LIMIT 1;", course, cancellationToken: cancellationToken));
        return json is null ? null : TrainedModel.FromJson(json);
    }

    public async Task<IReadOnlyList<int>> ListVersionsAsync(CourseScope course, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var versions = await connection.QueryAsync<long>(new CommandDefinition(
            $"SELECT version FROM trained_models WHERE {CourseFilter} ORDER BY version;", course, cancellationToken: cancellationToken));
        return versions.Select(v => (int)v).ToList();
    }
}
