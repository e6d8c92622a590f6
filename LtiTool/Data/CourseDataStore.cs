using System.Data.Common;
using System.Text.Json;
using Dapper;
using LtiTool.Sync;

namespace LtiTool.Data;

public sealed class CourseDataStore(Database database) : ICourseDataStore
{
    private const string ScopeWhere = "platform_id = @PlatformId AND deployment_id = @DeploymentId AND context_id = @ContextId";
    private const string Active = "active";
    private const string Inactive = "inactive";

    public async Task RegisterCourseAsync(CourseServices services, long now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO course_sync (platform_id, deployment_id, context_id, line_items_url, memberships_url, ags_scopes, product_family_code, next_due_at) " +
            "VALUES (@PlatformId, @DeploymentId, @ContextId, @LineItemsUrl, @MembershipsUrl, @agsScopes, @ProductFamilyCode, @now) " +
            "ON CONFLICT (platform_id, deployment_id, context_id) DO UPDATE SET line_items_url = excluded.line_items_url, " +
            "memberships_url = excluded.memberships_url, ags_scopes = excluded.ags_scopes, product_family_code = excluded.product_family_code;",
            new
            {
                services.Course.PlatformId,
                services.Course.DeploymentId,
                services.Course.ContextId,
                services.LineItemsUrl,
                services.MembershipsUrl,
                agsScopes = string.Join(' ', services.AgsScopes),
                services.ProductFamilyCode,
                now,
            },
            cancellationToken: cancellationToken));
    }

    public async Task<CourseServices?> FindServicesAsync(CourseKey course, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(course);
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<(string? LineItemsUrl, string? MembershipsUrl, string AgsScopes, string? ProductFamilyCode)>(new CommandDefinition(
            $"SELECT line_items_url, memberships_url, ags_scopes, product_family_code FROM course_sync WHERE {ScopeWhere};", course, cancellationToken: cancellationToken));
        return row.AgsScopes is null
            ? null
            : new CourseServices(course, row.LineItemsUrl, row.MembershipsUrl, row.AgsScopes.Split(' ', StringSplitOptions.RemoveEmptyEntries), row.ProductFamilyCode);
    }

    public async Task<CourseSyncStatus?> GetStatusAsync(CourseKey course, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(course);
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<StatusRow>(new CommandDefinition(
            "SELECT last_started_at AS LastStartedAt, last_finished_at AS LastFinishedAt, last_succeeded_at AS LastSucceededAt, " +
            $"last_error AS LastError, next_due_at AS NextDueAt FROM course_sync WHERE {ScopeWhere};",
            course, cancellationToken: cancellationToken));
        return row is null ? null : new CourseSyncStatus(course, row.LastStartedAt, row.LastFinishedAt, row.LastSucceededAt, row.LastError, row.NextDueAt);
    }

    public async Task<IReadOnlyList<CourseKey>> FindDueAsync(long now, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(long PlatformId, string DeploymentId, string ContextId)>(new CommandDefinition(
            "SELECT platform_id, deployment_id, context_id FROM course_sync WHERE next_due_at <= @now ORDER BY next_due_at LIMIT @limit;",
            new { now, limit }, cancellationToken: cancellationToken));
        return rows.Select(r => new CourseKey(r.PlatformId, r.DeploymentId, r.ContextId)).ToList();
    }

    public async Task MarkStartedAsync(CourseKey course, long now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(course);
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            $"UPDATE course_sync SET last_started_at = @now WHERE {ScopeWhere};",
            new { course.PlatformId, course.DeploymentId, course.ContextId, now }, cancellationToken: cancellationToken));
    }

    public async Task MarkFinishedAsync(CourseKey course, long now, string? lastError, long nextDueAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(course);
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE course_sync SET last_finished_at = @now, last_error = @error, next_due_at = @nextDueAt, " +
            $"last_succeeded_at = CASE WHEN @succeeded = 1 THEN @now ELSE last_succeeded_at END WHERE {ScopeWhere};",
            new { course.PlatformId, course.DeploymentId, course.ContextId, now, error = lastError, nextDueAt, succeeded = lastError is null ? 1 : 0 },
            cancellationToken: cancellationToken));
    }

    public async Task SaveLineItemsAsync(CourseKey course, IReadOnlyList<LmsLineItem> lineItems, long now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(course);
        ArgumentNullException.ThrowIfNull(lineItems);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await MultiRowInsert.ExecuteAsync(
            connection,
            transaction,
            database.Dialect,
            new InsertSql(
                "INSERT INTO line_items (platform_id, deployment_id, context_id, line_item_id, label, score_maximum, resource_id, tag, resource_link_id, deleted_at, updated_at)",
                "(@PlatformId, @DeploymentId, @ContextId, {0}, {1}, {2}, {3}, {4}, {5}, NULL, @now)",
                "ON CONFLICT (platform_id, deployment_id, context_id, line_item_id) DO UPDATE SET label = excluded.label, " +
                "score_maximum = excluded.score_maximum, resource_id = excluded.resource_id, tag = excluded.tag, " +
                "resource_link_id = excluded.resource_link_id, deleted_at = NULL, updated_at = excluded.updated_at"),
            SharedValues(course, now),
            LastPerKey(lineItems, l => l.Id),
            l => [l.Id, l.Label, l.ScoreMaximum, l.ResourceId, l.Tag, l.ResourceLinkId],
            cancellationToken);
        var listed = lineItems.Select(l => l.Id).ToHashSet(StringComparer.Ordinal);
        var gone = (await StoredIdsAsync(connection, transaction, "SELECT line_item_id FROM line_items WHERE deleted_at IS NULL AND " + ScopeWhere, course, cancellationToken))
            .Where(id => !listed.Contains(id));
        // Kept, marked deleted: the instructor's mappings and past observations still refer to the column.
        await connection.ExecuteAsync(new CommandDefinition(
            $"UPDATE line_items SET deleted_at = @now, updated_at = @now WHERE {ScopeWhere} AND line_item_id = @id;",
            gone.Select(id => new { course.PlatformId, course.DeploymentId, course.ContextId, id, now }),
            transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task SaveResultsAsync(CourseKey course, string lineItemId, IReadOnlyList<LmsResult> results, long now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(course);
        ArgumentNullException.ThrowIfNull(results);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await MultiRowInsert.ExecuteAsync(
            connection,
            transaction,
            database.Dialect,
            new InsertSql(
                "INSERT INTO results (platform_id, deployment_id, context_id, line_item_id, user_id, score_fraction, result_timestamp, updated_at)",
                "(@PlatformId, @DeploymentId, @ContextId, @lineItemId, {0}, {1}, {2}, @now)",
                "ON CONFLICT (platform_id, deployment_id, context_id, line_item_id, user_id) DO UPDATE SET " +
                "score_fraction = excluded.score_fraction, result_timestamp = excluded.result_timestamp, updated_at = excluded.updated_at"),
            new Dictionary<string, object?>(SharedValues(course, now)) { ["lineItemId"] = lineItemId },
            LastPerKey(results, r => r.UserId),
            r => [r.UserId, r.ScoreFraction, r.Timestamp?.ToUnixTimeSeconds()],
            cancellationToken);
        var reported = results.Select(r => r.UserId).ToHashSet(StringComparer.Ordinal);
        var scope = new { course.PlatformId, course.DeploymentId, course.ContextId, lineItemId };
        var cleared = (await StoredIdsAsync(connection, transaction, $"SELECT user_id FROM results WHERE {ScopeWhere} AND line_item_id = @lineItemId", scope, cancellationToken))
            .Where(id => !reported.Contains(id));
        await connection.ExecuteAsync(new CommandDefinition(
            $"DELETE FROM results WHERE {ScopeWhere} AND line_item_id = @lineItemId AND user_id = @userId;",
            cleared.Select(userId => new { course.PlatformId, course.DeploymentId, course.ContextId, lineItemId, userId }),
            transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task SaveMembersAsync(CourseKey course, IReadOnlyList<LmsMember> members, long now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(course);
        ArgumentNullException.ThrowIfNull(members);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await MultiRowInsert.ExecuteAsync(
            connection,
            transaction,
            database.Dialect,
            new InsertSql(
                "INSERT INTO course_members (platform_id, deployment_id, context_id, user_id, roles, status, display_name, updated_at)",
                "(@PlatformId, @DeploymentId, @ContextId, {0}, {1}, {2}, {3}, @now)",
                "ON CONFLICT (platform_id, deployment_id, context_id, user_id) DO UPDATE SET roles = excluded.roles, " +
                "status = excluded.status, display_name = excluded.display_name, updated_at = excluded.updated_at"),
            SharedValues(course, now),
            LastPerKey(members, m => m.UserId),
            m => [m.UserId, JsonSerializer.Serialize(m.Roles), m.IsActive ? Active : Inactive, m.DisplayName],
            cancellationToken);
        var listed = members.Select(m => m.UserId).ToHashSet(StringComparer.Ordinal);
        var left = (await StoredIdsAsync(connection, transaction, $"SELECT user_id FROM course_members WHERE status = '{Active}' AND {ScopeWhere}", course, cancellationToken))
            .Where(id => !listed.Contains(id));
        // NRPS 2.0 §2.2 lets a platform drop a member instead of reporting Inactive: a student who left stays, inactive.
        await connection.ExecuteAsync(new CommandDefinition(
            $"UPDATE course_members SET status = '{Inactive}', updated_at = @now WHERE {ScopeWhere} AND user_id = @userId;",
            left.Select(userId => new { course.PlatformId, course.DeploymentId, course.ContextId, userId, now }),
            transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<StoredLineItem>> GetLineItemsAsync(CourseKey course, bool includeDeleted, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(course);
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<StoredLineItem>(new CommandDefinition(
            "SELECT line_item_id AS Id, label AS Label, score_maximum AS ScoreMaximum, resource_id AS ResourceId, tag AS Tag, " +
            "resource_link_id AS ResourceLinkId, deleted_at AS DeletedAt, updated_at AS UpdatedAt FROM line_items " +
            $"WHERE {ScopeWhere} AND (@includeDeleted = 1 OR deleted_at IS NULL) ORDER BY line_item_id;",
            new { course.PlatformId, course.DeploymentId, course.ContextId, includeDeleted = includeDeleted ? 1 : 0 }, cancellationToken: cancellationToken));
        return rows.ToList();
    }

    public async Task<IReadOnlyList<StoredResult>> GetResultsAsync(CourseKey course, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(course);
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<StoredResult>(new CommandDefinition(
            "SELECT line_item_id AS LineItemId, user_id AS UserId, score_fraction AS ScoreFraction, result_timestamp AS Timestamp " +
            $"FROM results WHERE {ScopeWhere} ORDER BY line_item_id, user_id;",
            course, cancellationToken: cancellationToken));
        return rows.ToList();
    }

    public async Task<IReadOnlyList<StoredMember>> GetMembersAsync(CourseKey course, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(course);
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string UserId, string Roles, string Status, string? DisplayName)>(new CommandDefinition(
            $"SELECT user_id, roles, status, display_name FROM course_members WHERE {ScopeWhere} ORDER BY user_id;",
            course, cancellationToken: cancellationToken));
        return rows.Select(r => new StoredMember(r.UserId, JsonSerializer.Deserialize<string[]>(r.Roles) ?? [], r.Status == Active, r.DisplayName)).ToList();
    }

    private static async Task<IEnumerable<string>> StoredIdsAsync(
        DbConnection connection, DbTransaction transaction, string sql, object parameters, CancellationToken cancellationToken) =>
        await connection.QueryAsync<string>(new CommandDefinition(sql + ";", parameters, transaction, cancellationToken: cancellationToken));

    /// <summary>The course scope and time, the parameters every row of a course's upsert shares.</summary>
    private static Dictionary<string, object?> SharedValues(CourseKey course, long now) => new(StringComparer.Ordinal)
    {
        ["PlatformId"] = course.PlatformId,
        ["DeploymentId"] = course.DeploymentId,
        ["ContextId"] = course.ContextId,
        ["now"] = now,
    };

    /// <summary>
    /// One row per key, the last one listed winning as it would with one upsert per row. PostgreSQL refuses a
    /// multi-row upsert that touches the same row twice, and a platform's pages can repeat an entry.
    /// </summary>
    private static List<T> LastPerKey<T>(IReadOnlyList<T> rows, Func<T, string> key)
    {
        var byKey = new Dictionary<string, int>(rows.Count, StringComparer.Ordinal);
        var unique = new List<T>(rows.Count);
        foreach (var row in rows)
        {
            if (byKey.TryGetValue(key(row), out var index))
            {
                unique[index] = row;
            }
            else
            {
                byKey[key(row)] = unique.Count;
                unique.Add(row);
            }
        }

        return unique;
    }

    private sealed record StatusRow(long? LastStartedAt, long? LastFinishedAt, long? LastSucceededAt, string? LastError, long? NextDueAt);
}
