using System.ComponentModel.DataAnnotations;

namespace LtiTool.Outbox;

/// <summary>Configuration section <c>Outbox</c>: delivery of practice scores to the platforms' gradebooks (security catalogue c.3).</summary>
public sealed class OutboxOptions : IValidatableObject
{
    public const string SectionName = "Outbox";

    /// <summary>How often the worker looks for due rows. Default 5 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Rows one worker claims at a time. Default 20.</summary>
    [Range(1, 500)]
    public int BatchSize { get; set; } = 20;

    /// <summary>
    /// How long a claim holds a row: longer than the client's in-process retries (30 s total per post), so no second worker
    /// posts a row that is still in flight. Default 5 minutes.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:30", "01:00:00")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Waits before the 1st, 2nd, … re-send of a row that failed transiently; the last repeats. Default 1 m, 5 m, 15 m, 1 h, 6 h, 24 h.</summary>
    public IList<TimeSpan> RetrySchedule { get; } =
        [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromHours(1), TimeSpan.FromHours(6), TimeSpan.FromHours(24)];

    /// <summary>A row still undelivered this long after it was written is given up (dead). Default 72 hours.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromHours(72);

    /// <summary>Longest wait a platform's Retry-After may impose; a hostile value never stalls a row for ever (catalogue case 88). Default 15 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Run the delivery worker on this instance. Default true; row leases keep several workers from posting one row twice.</summary>
    public bool WorkerEnabled { get; set; } = true;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (RetrySchedule.Count == 0 || RetrySchedule.Any(t => t <= TimeSpan.Zero))
        {
            yield return new ValidationResult("Outbox:RetrySchedule needs at least one positive wait.", [nameof(RetrySchedule)]);
        }
    }
}
