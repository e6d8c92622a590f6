using Microsoft.Extensions.Time.Testing;

namespace LtiTool.Tests.TestSupport;

/// <summary>
/// A clock the test moves by hand whose timers still run in real time. The hosted tool's background workers,
/// Polly delays and the demo LMS's injected latency wait on the injected clock; with the library's fake they would
/// wait until a test advanced it. Expiry and replay checks read <see cref="TimeProvider.GetUtcNow"/>, which stays fake.
/// </summary>
public sealed class FakeClockRealTimers(DateTimeOffset start) : FakeTimeProvider(start)
{
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        TimeProvider.System.CreateTimer(callback, state, dueTime, period);
}
