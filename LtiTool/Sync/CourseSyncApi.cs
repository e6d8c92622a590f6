using LtiTool.Lti;
using LtiTool.Lti.Launch;
using LtiTool.Lti.Sessions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LtiTool.Sync;

/// <summary>The sync status of the caller's course, and an instructor's "sync now", for the instructor view.</summary>
public static class CourseSyncApi
{
    public const string Path = "/api/courses/current/sync";

    public static IEndpointRouteBuilder MapCourseSync(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup(Path).RequireAuthorization(ToolApi.Policy);
        api.MapGet(string.Empty, GetStatusAsync);
        api.MapPost(string.Empty, RequestSyncAsync);
        return endpoints;
    }

    private static async Task<Results<Ok<SyncStatusView>, ProblemHttpResult>> GetStatusAsync(
        HttpContext context, ILaunchStore launches, ICourseDataStore store, CancellationToken cancellationToken)
    {
        var (current, rejection) = await CurrentCourse.ResolveAsync(context, launches, cancellationToken);
        if (current is null)
        {
            return rejection!;
        }

        return TypedResults.Ok(SyncStatusView.From(await store.GetStatusAsync(current.Course, cancellationToken)));
    }

    /// <summary>Queues a sync and answers at once (202): the caller polls the status.</summary>
    private static async Task<Results<Accepted<SyncStatusView>, ProblemHttpResult>> RequestSyncAsync(
        HttpContext context, ILaunchStore launches, CourseSyncRequests queue, ICourseDataStore store, CancellationToken cancellationToken)
    {
        var (current, rejection) = await CurrentCourse.ResolveAsync(context, launches, cancellationToken);
        if (current is null)
        {
            return rejection!;
        }

        if (!current.IsInstructor)
        {
            return (ProblemHttpResult)LtiResults.Problem(context, LtiErrors.SessionWrongPage);
        }

        queue.EnqueueNow(current.Course);
        return TypedResults.Accepted(Path, SyncStatusView.From(await store.GetStatusAsync(current.Course, cancellationToken)));
    }
}

/// <summary>What the instructor view shows; times are Unix seconds; the error is platform-free text made by the tool.</summary>
public sealed record SyncStatusView(bool Known, bool Running, long? LastSucceededAt, long? LastFinishedAt, string? LastError, long? NextDueAt)
{
    public static SyncStatusView From(CourseSyncStatus? status) => status is null
        ? new SyncStatusView(false, false, null, null, null, null)
        : new SyncStatusView(true, status.IsRunning, status.LastSucceededAt, status.LastFinishedAt, status.LastError, status.NextDueAt);
}
