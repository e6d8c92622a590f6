using LtiTool.Data;
using LtiTool.Lti;
using LtiTool.Sync;
using LtiTool.Tests.Data;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LtiTool.Tests.Sync;

/// <summary>
/// CourseSync writes one line item's results while it reads the next one's: every write lands, a failed read still
/// lets the write under way finish and the other line items be read (issue 10), and a failed write is never hidden.
/// </summary>
public sealed class CourseSyncPipelineTests(SqliteProvider provider) : IClassFixture<SqliteProvider>
{
    private static readonly string[] Scopes = [LtiConstants.Scopes.LineItemReadOnly, LtiConstants.Scopes.ResultReadOnly];

    [Fact]
    public async Task SyncAsync_ManyLineItems_StoresEveryLineItemsResults()
    {
        var (course, store) = await NewCourseAsync();
        var source = new ScriptedSource(lineItems: 6, failResultsOf: null);

        Assert.Equal(CourseSyncOutcome.Synced, await NewSync(store, source).SyncAsync(course));

        var stored = await store.GetResultsAsync(course);
        Assert.Equal(6 * ScriptedSource.Students, stored.Count);
        Assert.Equal(source.ExpectedResults(6), stored.Select(r => (r.LineItemId, r.UserId, r.ScoreFraction!.Value)).Order());
    }

    [Fact]
    public async Task SyncAsync_OneLineItemsResultsFail_TheOthersLandAndTheErrorIsStored()
    {
        var (course, store) = await NewCourseAsync();
        var source = new ScriptedSource(lineItems: 5, failResultsOf: 3);

        Assert.Equal(CourseSyncOutcome.Failed, await NewSync(store, source).SyncAsync(course));

        var expected = source.ExpectedResults(5).Where(r => !r.LineItemId.EndsWith("/3", StringComparison.Ordinal));
        Assert.Equal(expected, (await store.GetResultsAsync(course)).Select(r => (r.LineItemId, r.UserId, r.ScoreFraction!.Value)).Order());
        Assert.Contains("line item 3", (await store.GetStatusAsync(course))!.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SyncAsync_WriteFails_FailureSurfacesInsteadOfBeingHidden()
    {
        var (course, _) = await NewCourseAsync();
        var failing = new FailingResultsStore(new CourseDataStore(provider.Database));

        await Assert.ThrowsAsync<InvalidOperationException>(() => NewSync(failing, new ScriptedSource(lineItems: 4, failResultsOf: null)).SyncAsync(course));
    }

    private async Task<(CourseKey Course, CourseDataStore Store)> NewCourseAsync()
    {
        var platform = await provider.AddPlatformAsync("deployment-1");
        var course = new CourseKey(platform.Id, "deployment-1", TestRows.UniqueId("course"));
        var store = new CourseDataStore(provider.Database);
        await store.RegisterCourseAsync(new CourseServices(course, "https://lms.example/lineitems", null, Scopes), provider.Now);
        return (course, store);
    }

    private CourseSync NewSync(ICourseDataStore store, ICourseDataSource source) => new(
        store, source, new JobLeaseStore(provider.Database), new ToolInstance(), provider.Time, Options.Create(new SyncOptions()), NullLogger<CourseSync>.Instance);

    private sealed class ScriptedSource(int lineItems, int? failResultsOf) : ICourseDataSource
    {
        public const int Students = 30;

        public IEnumerable<(string LineItemId, string UserId, double Score)> ExpectedResults(int lineItemCount) =>
            Enumerable.Range(0, lineItemCount).SelectMany(i => Results(i).Select(r => (Id(i), r.UserId, r.ScoreFraction!.Value))).Order();

        public Task<IReadOnlyList<LmsLineItem>> GetLineItemsAsync(CourseServices services, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<LmsLineItem>>(Enumerable.Range(0, lineItems).Select(i => new LmsLineItem(Id(i), $"Quiz {i}", 10, null, null, null)).ToList());

        public async Task<IReadOnlyList<LmsResult>> GetResultsAsync(CourseServices services, LmsLineItem lineItem, CancellationToken cancellationToken)
        {
            // A real wait, so the previous line item's write is still under way when this read ends.
            await Task.Delay(20, cancellationToken);
            var index = int.Parse(lineItem.Id[(lineItem.Id.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
            return index == failResultsOf ? throw new CourseDataSourceException($"Results of line item {index} could not be read.") : Results(index);
        }

        public Task<IReadOnlyList<LmsMember>> GetMembersAsync(CourseServices services, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<LmsMember>>([]);

        private static string Id(int index) => $"https://lms.example/lineitems/{index}";

        private static List<LmsResult> Results(int lineItem) =>
            Enumerable.Range(0, Students).Select(s => new LmsResult($"student-{s:D2}", ((s * 7) + lineItem) % 11 / 10.0, null)).ToList();
    }

    private sealed class FailingResultsStore(CourseDataStore inner) : DelegatingCourseDataStore(inner)
    {
        public override Task SaveResultsAsync(CourseKey course, string lineItemId, IReadOnlyList<LmsResult> results, long now, CancellationToken cancellationToken = default) =>
            lineItemId.EndsWith("/2", StringComparison.Ordinal) ? throw new InvalidOperationException("disk full") : base.SaveResultsAsync(course, lineItemId, results, now, cancellationToken);
    }
}
