namespace EduRecLti.Knowledge.Evaluation;

/// <summary>
/// Peak managed-heap size while a model fits and predicts: <see cref="GC.GetTotalMemory(bool)"/> sampled every few
/// milliseconds on a timer thread, after a full collection at start so the baseline excludes garbage. The heap holds
/// the loaded data set too, so the figure reported is the growth above that baseline (what the model itself needs).
/// Native memory is not seen; the process-wide peak working set is reported once per run as a cross-check.
/// </summary>
internal sealed class PeakMemorySampler : IDisposable
{
    private const int PeriodMilliseconds = 5;

    private readonly long _baseline;
    private readonly Timer _timer;
    private long _peak;

    public PeakMemorySampler()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        _baseline = GC.GetTotalMemory(forceFullCollection: true);
        _peak = _baseline;
        _timer = new Timer(_ => Sample(), null, 0, PeriodMilliseconds);
    }

    /// <summary>Peak growth of the managed heap above the starting baseline, in MiB.</summary>
    public double PeakMegabytes
    {
        get
        {
            Sample();
            return (Interlocked.Read(ref _peak) - _baseline) / (1024.0 * 1024.0);
        }
    }

    public static double ProcessPeakWorkingSetMegabytes()
    {
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return process.PeakWorkingSet64 / (1024.0 * 1024.0);
    }

    public void Dispose() => _timer.Dispose();

    private void Sample()
    {
        var now = GC.GetTotalMemory(forceFullCollection: false);
        long seen;
        while (now > (seen = Interlocked.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, now, seen) != seen)
        {
        }
    }
}
