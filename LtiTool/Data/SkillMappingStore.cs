using Dapper;
using LtiTool.Skills;

namespace LtiTool.Data;

public sealed class SkillMappingStore(Database database) : ISkillMappingStore
{
    private const string ScopeWhere = "platform_id = @PlatformId AND deployment_id = @DeploymentId AND context_id = @ContextId";

    public async Task<CourseSkillData> GetAsync(CourseKey course, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(course);
        await using var connection = await database.OpenAsync(cancellationToken);
        var lineItems = await connection.QueryAsync<MappableLineItem>(new CommandDefinition(
            "SELECT line_item_id AS Id, label AS Label, tag AS Tag, resource_id AS ResourceId FROM line_items " +
            $"WHERE {ScopeWhere} AND deleted_at IS NULL ORDER BY line_item_id;", course, cancellationToken: cancellationToken));
        var skills = await connection.QueryAsync<Skill>(new CommandDefinition(
            $"SELECT code AS Code, name AS Name FROM skills WHERE {ScopeWhere} ORDER BY code;", course, cancellationToken: cancellationToken));
        var mappings = await connection.QueryAsync<(string LineItemId, string Code, double Weight)>(new CommandDefinition(
            $"SELECT line_item_id, skill_code, weight FROM skill_mappings WHERE {ScopeWhere} ORDER BY line_item_id, skill_code;",
            course, cancellationToken: cancellationToken));
        return new CourseSkillData(
            lineItems.ToList(),
            skills.ToList(),
            mappings.GroupBy(m => m.LineItemId, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => (IReadOnlyList<SkillWeight>)g.Select(m => new SkillWeight(m.Code, m.Weight)).ToList(), StringComparer.Ordinal));
    }

    public async Task UpsertSkillsAsync(CourseKey course, IReadOnlyList<Skill> skills, long now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(course);
        ArgumentNullException.ThrowIfNull(skills);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO skills (platform_id, deployment_id, context_id, code, name, updated_at) VALUES (@PlatformId, @DeploymentId, @ContextId, @Code, @Name, @now) " +
            "ON CONFLICT (platform_id, deployment_id, context_id, code) DO UPDATE SET name = excluded.name, updated_at = excluded.updated_at;",
            skills.Select(s => new { course.PlatformId, course.DeploymentId, course.ContextId, s.Code, s.Name, now }),
            transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<bool> ReplaceMappingsAsync(
        CourseKey course, IReadOnlyDictionary<string, IReadOnlyList<SkillWeight>> mappings, long now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(course);
        ArgumentNullException.ThrowIfNull(mappings);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var (lineItemId, skills) in mappings)
        {
            var scope = new { course.PlatformId, course.DeploymentId, course.ContextId, lineItemId };
            var live = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                $"SELECT COUNT(*) FROM line_items WHERE {ScopeWhere} AND line_item_id = @lineItemId AND deleted_at IS NULL;",
                scope, transaction, cancellationToken: cancellationToken));
            if (live == 0)
            {
                await transaction.RollbackAsync(cancellationToken);
                return false;
            }

            await connection.ExecuteAsync(new CommandDefinition(
                $"DELETE FROM skill_mappings WHERE {ScopeWhere} AND line_item_id = @lineItemId;", scope, transaction, cancellationToken: cancellationToken));
            // A code the instructor names becomes a skill of the course; an existing skill keeps its name.
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO skills (platform_id, deployment_id, context_id, code, name, updated_at) VALUES (@PlatformId, @DeploymentId, @ContextId, @Code, NULL, @now) " +
                "ON CONFLICT (platform_id, deployment_id, context_id, code) DO NOTHING;",
                skills.Select(s => new { course.PlatformId, course.DeploymentId, course.ContextId, s.Code, now }),
                transaction, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO skill_mappings (platform_id, deployment_id, context_id, line_item_id, skill_code, weight, updated_at) " +
                "VALUES (@PlatformId, @DeploymentId, @ContextId, @lineItemId, @Code, @Weight, @now);",
                skills.Select(s => new { course.PlatformId, course.DeploymentId, course.ContextId, lineItemId, s.Code, s.Weight, now }),
                transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
