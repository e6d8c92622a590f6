using System.ComponentModel.DataAnnotations;

namespace LtiTool.Sync;

/// <summary>Configuration section <c>Sync</c>: when course grades and rosters are pulled from the platforms.</summary>
public sealed class SyncOptions
{
    public const string SectionName = "Sync";

    /// <summary>A launch starts a background sync when the course's data is older than this. Default 15 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00")]
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often the scheduler looks for courses whose next sync is due. Default 1 minute.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan SchedulerInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>After a successful sync, the next scheduled one is due this much later. Default 6 hours.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromHours(6);

    /// <summary>After a failed sync, the next attempt is due this much later. Default 15 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00")]
    public TimeSpan RetryAfterFailure { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// How long one run holds a course's lease. Longer than a sync takes, so no second instance starts meanwhile; a
    /// crashed instance's lease is taken over after it. Default 10 minutes.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:30", "02:00:00")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Most courses one scheduler pass syncs, one after another. Default 20.</summary>
    [Range(1, 1000)]
    public int CoursesPerPass { get; set; } = 20;

    /// <summary>
    /// Items asked for per page of line items, results and memberships (the <c>limit</c> parameter, AGS 2.0 §3.2.3,
    /// NRPS 2.0 §2.4.1). Platforms may serve fewer (Brightspace caps at 200) and page anyway. Default 200.
    /// </summary>
    [Range(1, 1000)]
    public int PageSize { get; set; } = 200;

    /// <summary>Run the scheduler on this instance. Default true; every instance may run it, the leases keep runs single.</summary>
    public bool SchedulerEnabled { get; set; } = true;
}
