using LtiTool.Data;
using LtiTool.Lti;
using LtiTool.Sync;
using LtiTool.Tests.TestSupport;

namespace LtiTool.Tests.Sync;

/// <summary>
/// The course sync against a replayed Moodle 5.0.6 (issue 10): results are read without <c>limit</c> on Moodle, an
/// HTML error page for a paged results read falls back to one unpaged read elsewhere, and one line item that cannot
/// be read neither stops the others nor the roster, and is named in the sync status.
/// </summary>
public sealed class MoodleSyncTests : IDisposable
{
    private static readonly string[] MoodleScopes =
    [
        LtiConstants.Scopes.LineItem, LtiConstants.Scopes.LineItemReadOnly, LtiConstants.Scopes.ResultReadOnly, LtiConstants.Scopes.Score,
    ];

    private readonly ReplayedMoodle _moodle = new();
    private readonly ToolHost _tool = new(new Dictionary<string, string?>
    {
        ["Sync:SchedulerEnabled"] = "false",
        ["Outbox:WorkerEnabled"] = "false",
        ["Lti:Services:RetryBaseDelay"] = "00:00:00.001",
        ["Lti:Services:MaxRetryDelay"] = "00:00:00.020",
    });

    [Fact]
    public async Task Sync_Moodle_ReadsResultsWithoutLimitAndStoresTheToolsColumnsAndRoster()
    {
        _moodle.AnswerResults(12, 200, LtiConstants.MediaTypes.ResultContainer, "[]");
        var course = await RegisterCourseAsync(LtiConstants.ProductFamilies.Moodle);

        Assert.Equal(CourseSyncOutcome.Synced, await _tool.Service<CourseSync>().SyncAsync(course));

        Assert.All([5, 9, 12], id => Assert.Equal([false], _moodle.ResultsRequests(id)));
        var store = _tool.Service<ICourseDataStore>();
        Assert.Equal(["12", "5", "9"], (await store.GetLineItemsAsync(course, includeDeleted: false)).Select(l => LineItemNumber(l.Id)).Order(StringComparer.Ordinal));
        var results = await store.GetResultsAsync(course);
        Assert.Equal(6, results.Count);
        Assert.Equal(0.87, results.Single(r => r.UserId == "4" && LineItemNumber(r.LineItemId) == "5").ScoreFraction!.Value, 6);
        Assert.Equal(0.85, results.Single(r => LineItemNumber(r.LineItemId) == "9").ScoreFraction!.Value, 6);
        Assert.Equal(6, (await store.GetMembersAsync(course)).Count);
        Assert.Null((await store.GetStatusAsync(course))!.LastError);
    }

    [Fact]
    public async Task Sync_PlatformUnnamed_HtmlErrorOnAPagedResultsReadFallsBackToOneUnpagedRead()
    {
        _moodle.AnswerResults(12, 200, LtiConstants.MediaTypes.ResultContainer, "[]");
        var course = await RegisterCourseAsync(productFamilyCode: null);

        Assert.Equal(CourseSyncOutcome.Synced, await _tool.Service<CourseSync>().SyncAsync(course));

        Assert.All([5, 9, 12], id => Assert.Equal([true, false], _moodle.ResultsRequests(id)));
        Assert.Equal(6, (await _tool.Service<ICourseDataStore>().GetResultsAsync(course)).Count);
    }

    [Fact]
    public async Task Sync_OneLineItemsResultsFail_OtherLineItemsAndRosterStoredAndTheFailureNamedInTheStatus()
    {
        _moodle.AnswerResults(12, 404, "text/html; charset=utf-8", _moodle.ErrorPage);
        var course = await RegisterCourseAsync(LtiConstants.ProductFamilies.Moodle);

        Assert.Equal(CourseSyncOutcome.Failed, await _tool.Service<CourseSync>().SyncAsync(course));

        var store = _tool.Service<ICourseDataStore>();
        Assert.Equal(6, (await store.GetResultsAsync(course)).Count);
        Assert.Equal(6, (await store.GetMembersAsync(course)).Count);
        var error = (await store.GetStatusAsync(course))!.LastError!;
        Assert.Contains("Deep-linked practice (stub)", error, StringComparison.Ordinal);
        Assert.Contains("HTTP 404", error, StringComparison.Ordinal);
        Assert.DoesNotContain("out() on null", error, StringComparison.Ordinal);
        Assert.DoesNotContain("://", error, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _tool.Dispose();
        _moodle.Dispose();
    }

    private static string LineItemNumber(string lineItemUrl) => new Uri(lineItemUrl).Segments[^2].TrimEnd('/');

    private async Task<CourseKey> RegisterCourseAsync(string? productFamilyCode)
    {
        var platform = await _moodle.RegisterAsync(_tool.Platforms);
        var course = new CourseKey(platform.Id, ReplayedMoodle.DeploymentId, ReplayedMoodle.ContextId);
        await _tool.Service<ICourseDataStore>().RegisterCourseAsync(
            new CourseServices(course, _moodle.LineItemsUrl, _moodle.MembershipsUrl, MoodleScopes, productFamilyCode), _tool.Time.GetUtcNow().ToUnixTimeSeconds());
        return course;
    }
}
