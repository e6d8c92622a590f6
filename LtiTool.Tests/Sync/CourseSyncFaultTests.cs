using LtiTool.Demo;
using LtiTool.Sync;
using LtiTool.Tests.TestSupport;

namespace LtiTool.Tests.Sync;

/// <summary>Faults of real LMSs injected into the demo during a sync: each one recovered or reported, no row lost or doubled.</summary>
public sealed class CourseSyncFaultTests(SmallCourseFixture fixture) : IClassFixture<SmallCourseFixture>
{
    /// <param name="count">Calls that fail; 0: every call.</param>
    [Theory]
    [InlineData(DemoFault.CanvasThrottle403, DemoEndpointKind.Ags, 2, true)]
    [InlineData(DemoFault.TooManyRequests429, DemoEndpointKind.Nrps, 2, true)]
    [InlineData(DemoFault.ServerError500, DemoEndpointKind.Ags, 3, true)]
    [InlineData(DemoFault.Timeout, DemoEndpointKind.Nrps, 1, true)]
    [InlineData(DemoFault.MalformedJson, DemoEndpointKind.Ags, 1, false)]
    [InlineData(DemoFault.PagingLoop, DemoEndpointKind.Ags, 1, false)]
    [InlineData(DemoFault.PagingLoop, DemoEndpointKind.Nrps, 1, false)]
    [InlineData(DemoFault.ServerError500, DemoEndpointKind.Nrps, 0, false)]
    [InlineData(DemoFault.CanvasThrottle403, DemoEndpointKind.Ags, 0, false)]
    public async Task Sync_InjectedFault_RecoveredOrReportedWithNothingLostOrDuplicated(DemoFault fault, DemoEndpointKind only, int count, bool recovers)
    {
        fixture.Faults.Set(fault, only, count == 0 ? null : count);
        CourseSyncOutcome outcome;
        try
        {
            outcome = await fixture.Sync.SyncAsync(fixture.Course);
        }
        finally
        {
            fixture.Faults.Reset();
        }

        var status = await fixture.Store.GetStatusAsync(fixture.Course);
        Assert.Equal(recovers ? CourseSyncOutcome.Synced : CourseSyncOutcome.Failed, outcome);
        Assert.Equal(recovers, status!.LastError is null);
        await fixture.AssertMatchesDemoAsync();

        Assert.Equal(CourseSyncOutcome.Synced, await fixture.Sync.SyncAsync(fixture.Course));
        Assert.Null((await fixture.Store.GetStatusAsync(fixture.Course))!.LastError);
        await fixture.AssertMatchesDemoAsync();
    }

    [Fact]
    public async Task Sync_ListingFailsAfterItsFirstPage_ErrorStoredAndNoStudentMarkedInactive()
    {
        // The first page's next link points at itself: the loop is found after that page's members were read.
        fixture.Faults.Set(DemoFault.PagingLoop, DemoEndpointKind.Nrps, count: 1);
        try
        {
            Assert.Equal(CourseSyncOutcome.Failed, await fixture.Sync.SyncAsync(fixture.Course));
        }
        finally
        {
            fixture.Faults.Reset();
        }

        var status = await fixture.Store.GetStatusAsync(fixture.Course);
        Assert.Contains("roster", status!.LastError, StringComparison.Ordinal);
        Assert.Contains("PagingLoop", status.LastError, StringComparison.Ordinal);
        Assert.DoesNotContain("http", status.LastError, StringComparison.OrdinalIgnoreCase);
        await fixture.AssertMatchesDemoAsync();
    }

    [Fact]
    public async Task Sync_WhileAnotherRunHoldsTheLease_SkipsOnThisAndOnAnotherInstance()
    {
        fixture.Probe.ResetSignals();
        fixture.Probe.CloseGate();
        Task<CourseSyncOutcome> first;
        try
        {
            first = fixture.Sync.SyncAsync(fixture.Course);
            await fixture.Probe.NextEnteredAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));
            using var otherInstance = new ToolHost(new Dictionary<string, string?>
            {
                ["Database:ConnectionString"] = fixture.ConnectionString,
                ["Sync:SchedulerEnabled"] = "false",
                ["Outbox:WorkerEnabled"] = "false",
            });

            Assert.Equal(CourseSyncOutcome.AlreadyRunning, await fixture.Sync.SyncAsync(fixture.Course));
            Assert.Equal(CourseSyncOutcome.AlreadyRunning, await otherInstance.Service<CourseSync>().SyncAsync(fixture.Course));
        }
        finally
        {
            fixture.Probe.OpenGate();
        }

        Assert.Equal(CourseSyncOutcome.Synced, await first);
    }
}
