using System.Threading.Channels;
using LtiTool.Data;
using LtiTool.Lti.Launch;

namespace LtiTool.Sync;

/// <summary>
/// Courses waiting for a background sync, fed by launches and by the on-demand endpoint. Writing never blocks: a launch
/// must not wait for the platform (issue 3 item 6), and a full queue drops the oldest request (the next launch re-asks).
/// </summary>
public sealed class CourseSyncRequests
{
    private const int Capacity = 1000;

    private readonly Channel<CourseSyncRequest> _channel = Channel.CreateBounded<CourseSyncRequest>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    internal ChannelReader<CourseSyncRequest> Reader => _channel.Reader;

    /// <summary>Queues the launch's course: its service URLs are recorded, and it is synced when its data is stale.</summary>
    public void EnqueueLaunch(LtiLaunch launch)
    {
        ArgumentNullException.ThrowIfNull(launch);
        if (launch.Course is not { } course || !(launch.Services.HasAssignmentAndGrades || launch.Services.HasNamesAndRoles))
        {
            return;
        }

        var services = new CourseServices(
            new CourseKey(launch.PlatformId, launch.DeploymentId, course.Id),
            launch.Services.LineItemsUrl,
            launch.Services.MembershipsUrl,
            launch.Services.AgsScopes,
            launch.PlatformInfo?.ProductFamilyCode);
        _channel.Writer.TryWrite(new CourseSyncRequest(services.Course, services, Force: false));
    }

    /// <summary>Queues a sync of the course whatever the age of its data (the instructor asked).</summary>
    public void EnqueueNow(CourseKey course)
    {
        ArgumentNullException.ThrowIfNull(course);
        _channel.Writer.TryWrite(new CourseSyncRequest(course, Services: null, Force: true));
    }
}

internal sealed record CourseSyncRequest(CourseKey Course, CourseServices? Services, bool Force);
