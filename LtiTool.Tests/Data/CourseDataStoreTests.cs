using LtiTool.Data;
using LtiTool.Sync;

namespace LtiTool.Tests.Data;

public abstract class CourseDataStoreTests<TProvider>(TProvider provider) : IClassFixture<TProvider>
    where TProvider : TestDatabaseProvider
{
    private readonly CourseDataStore _store = new(provider.Database);

    [ProviderFact]
    public async Task SaveLineItemsAsync_SameItemsTwice_StoresEachOnce()
    {
        var course = await NewCourseAsync();
        LmsLineItem[] items = [Item("https://lms.example/li/1", "Quiz 1"), Item("https://lms.example/li/2", "Quiz 2")];

        await _store.SaveLineItemsAsync(course, items, provider.Now);
        await _store.SaveLineItemsAsync(course, items, provider.Now);

        Assert.Equal(["Quiz 1", "Quiz 2"], (await _store.GetLineItemsAsync(course, includeDeleted: true)).Select(l => l.Label));
    }

    [ProviderFact]
    public async Task SaveLineItemsAsync_RenamedAndMissingItems_UpdatesLabelAndMarksDeleted()
    {
        var course = await NewCourseAsync();
        await _store.SaveLineItemsAsync(course, [Item("li-1", "Quiz 1"), Item("li-2", "Quiz 2")], provider.Now);

        await _store.SaveLineItemsAsync(course, [Item("li-1", "Quiz 1 (renamed)")], provider.Now + 60);

        var all = await _store.GetLineItemsAsync(course, includeDeleted: true);
        Assert.Equal("Quiz 1 (renamed)", all.Single(l => l.Id == "li-1").Label);
        Assert.Null(all.Single(l => l.Id == "li-1").DeletedAt);
        Assert.Equal(provider.Now + 60, all.Single(l => l.Id == "li-2").DeletedAt);
        Assert.Equal(["li-1"], (await _store.GetLineItemsAsync(course, includeDeleted: false)).Select(l => l.Id));
    }

    [ProviderFact]
    public async Task SaveLineItemsAsync_DeletedItemReappears_IsRestored()
    {
        var course = await NewCourseAsync();
        await _store.SaveLineItemsAsync(course, [Item("li-1", "Quiz 1")], provider.Now);
        await _store.SaveLineItemsAsync(course, [], provider.Now);

        await _store.SaveLineItemsAsync(course, [Item("li-1", "Quiz 1")], provider.Now);

        Assert.Null(Assert.Single(await _store.GetLineItemsAsync(course, includeDeleted: false)).DeletedAt);
    }

    [ProviderFact]
    public async Task SaveResultsAsync_UpdatedAndClearedResults_UpsertsAndRemoves()
    {
        var course = await NewCourseAsync();
        await _store.SaveLineItemsAsync(course, [Item("li-1", "Quiz 1")], provider.Now);
        await _store.SaveResultsAsync(course, "li-1", [new LmsResult("u1", 0.5, null), new LmsResult("u2", 0.9, null)], provider.Now);

        await _store.SaveResultsAsync(course, "li-1", [new LmsResult("u1", 0.75, null)], provider.Now);
        await _store.SaveResultsAsync(course, "li-1", [new LmsResult("u1", 0.75, null)], provider.Now);

        var result = Assert.Single(await _store.GetResultsAsync(course));
        Assert.Equal(("u1", 0.75), (result.UserId, result.ScoreFraction!.Value));
    }

    [ProviderFact]
    public async Task SaveResultsAsync_MoreRowsThanOneStatement_StoresEveryRowWithNullsKept()
    {
        var course = await NewCourseAsync();
        await _store.SaveLineItemsAsync(course, [Item("li-1", "Quiz 1")], provider.Now);
        var results = Enumerable.Range(0, (2 * new PostgresDialect().RowsPerInsert) + 7)
            .Select(i => new LmsResult($"u{i:D4}", i % 3 == 0 ? null : i / 2000.0, i % 2 == 0 ? null : DateTimeOffset.FromUnixTimeSeconds(1_700_000_000 + i)))
            .ToList();

        await _store.SaveResultsAsync(course, "li-1", results, provider.Now);

        var stored = await _store.GetResultsAsync(course);
        Assert.Equal(
            results.Select(r => (r.UserId, r.ScoreFraction, r.Timestamp?.ToUnixTimeSeconds())),
            stored.Select(r => (r.UserId, r.ScoreFraction, r.Timestamp)));
    }

    [ProviderFact]
    public async Task SaveResultsAsync_SameUserListedTwice_KeepsTheLastEntry()
    {
        var course = await NewCourseAsync();
        await _store.SaveLineItemsAsync(course, [Item("li-1", "Quiz 1")], provider.Now);

        await _store.SaveResultsAsync(course, "li-1", [new LmsResult("u1", 0.2, null), new LmsResult("u2", 0.4, null), new LmsResult("u1", 0.9, null)], provider.Now);

        Assert.Equal([("u1", 0.9), ("u2", 0.4)], (await _store.GetResultsAsync(course)).Select(r => (r.UserId, r.ScoreFraction!.Value)));
    }

    [ProviderFact]
    public async Task SaveMembersAsync_MoreMembersThanOneStatement_StoresEveryMember()
    {
        var course = await NewCourseAsync();
        var members = Enumerable.Range(0, new PostgresDialect().RowsPerInsert + 1).Select(i => Member($"u{i:D4}", $"Student {i}")).ToList();

        await _store.SaveMembersAsync(course, members, provider.Now);

        Assert.Equal(members.Select(m => m.UserId), (await _store.GetMembersAsync(course)).Select(m => m.UserId));
    }

    [ProviderFact]
    public async Task SaveMembersAsync_StudentLeft_IsKeptInactive()
    {
        var course = await NewCourseAsync();
        await _store.SaveMembersAsync(course, [Member("u1", "Ada"), Member("u2", null)], provider.Now);

        await _store.SaveMembersAsync(course, [Member("u1", "Ada L.")], provider.Now);

        var members = await _store.GetMembersAsync(course);
        Assert.Equal([("u1", true, "Ada L."), ("u2", false, (string?)null)], members.Select(m => (m.UserId, m.IsActive, m.DisplayName)));
    }

    [ProviderFact]
    public async Task GetLineItemsAsync_OtherDeploymentWithSameContextId_SeesNothing()
    {
        var course = await NewCourseAsync();
        var other = course with { DeploymentId = "deployment-2" };
        await _store.SaveLineItemsAsync(course, [Item("li-1", "Quiz 1")], provider.Now);
        await _store.SaveMembersAsync(course, [Member("u1", "Ada")], provider.Now);

        Assert.Empty(await _store.GetLineItemsAsync(other, includeDeleted: true));
        Assert.Empty(await _store.GetMembersAsync(other));
    }

    [ProviderFact]
    public async Task MarkFinishedAsync_FailureAfterSuccess_KeepsLastSuccessAndStoresError()
    {
        var course = await NewCourseAsync();
        await _store.RegisterCourseAsync(new CourseServices(course, "https://lms.example/lineitems", null, ["scope-a", "scope-b"]), provider.Now);
        await _store.MarkStartedAsync(course, provider.Now);
        await _store.MarkFinishedAsync(course, provider.Now + 5, null, provider.Now + 600);
        await _store.MarkStartedAsync(course, provider.Now + 700);

        await _store.MarkFinishedAsync(course, provider.Now + 710, "Assignment and Grade Services: Transient", provider.Now + 1600);

        var status = await _store.GetStatusAsync(course);
        Assert.Equal((provider.Now + 5, provider.Now + 710, "Assignment and Grade Services: Transient", provider.Now + 1600, false),
            (status!.LastSucceededAt, status.LastFinishedAt, status.LastError, status.NextDueAt, status.IsRunning));
        Assert.Equal(["scope-a", "scope-b"], (await _store.FindServicesAsync(course))!.AgsScopes);
    }

    [ProviderFact]
    public async Task FindDueAsync_NewlyRegisteredCourse_IsDueAtOnce()
    {
        var course = await NewCourseAsync();

        await _store.RegisterCourseAsync(new CourseServices(course, null, "https://lms.example/members", []), provider.Now);

        Assert.Contains(course, await _store.FindDueAsync(provider.Now, 1000));
    }

    private async Task<CourseKey> NewCourseAsync()
    {
        var platform = await provider.AddPlatformAsync("deployment-1");
        return new CourseKey(platform.Id, "deployment-1", TestRows.UniqueId("course"));
    }

    private static LmsLineItem Item(string id, string label) => new(id, label, 10, "res-" + id, "tag", null);

    private static LmsMember Member(string userId, string? name) => new(userId, ["http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"], true, name);
}

public sealed class SqliteCourseDataStoreTests(SqliteProvider provider) : CourseDataStoreTests<SqliteProvider>(provider);

[Collection(PostgresDefinition.Name)]
public sealed class PostgresCourseDataStoreTests(PostgresProvider provider) : CourseDataStoreTests<PostgresProvider>(provider);
