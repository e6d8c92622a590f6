namespace LtiTool.Demo;

/// <summary>
/// The fault-injection switch of the demo LMS, shared by every request (singleton). Tests set it directly;
/// in Development it is also set through <c>POST /demo/faults</c>.
/// </summary>
public sealed class DemoFaults
{
    private readonly Lock _gate = new();
    private DemoFault _fault;
    private DemoEndpointKind? _only;
    private int? _remaining;

    /// <summary>Seconds announced in <c>Retry-After</c> by <see cref="DemoFault.TooManyRequests429"/>.</summary>
    public int RetryAfterSeconds { get; set; } = 1;

    /// <summary>The fault in force, the endpoint kind it is limited to, and how many more calls it affects (null: all).</summary>
    public (DemoFault Fault, DemoEndpointKind? Only, int? Remaining) Current
    {
        get
        {
            lock (_gate)
            {
                return (_fault, _only, _remaining);
            }
        }
    }

    /// <summary>Fails the next <paramref name="count"/> calls (every call when null) to endpoints of <paramref name="only"/> (all when null).</summary>
    public void Set(DemoFault fault, DemoEndpointKind? only = null, int? count = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count ?? 0);
        lock (_gate)
        {
            _fault = fault;
            _only = only;
            _remaining = count;
        }
    }

    public void Reset() => Set(DemoFault.None);

    /// <summary>Decides whether this call fails, and counts it when it does.</summary>
    public DemoFault Take(DemoEndpointKind kind)
    {
        lock (_gate)
        {
            if (_fault == DemoFault.None || (_only is { } only && only != kind) || _remaining == 0)
            {
                return DemoFault.None;
            }

            if (_remaining is { } remaining)
            {
                _remaining = remaining - 1;
            }

            return _fault;
        }
    }
}
