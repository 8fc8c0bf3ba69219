using System.Diagnostics;
using System.Globalization;

namespace LedgerBench;

/// <summary>
/// CPU time of this process and of the whole machine (Linux /proc/stat: user, nice, system, irq,
/// softirq, steal), so a result shows whether the two cores were saturated and by whom: this
/// process, or PostgreSQL and anything else running beside it.
/// </summary>
internal readonly record struct CpuSample(TimeSpan Process, TimeSpan Machine, long Timestamp)
{
    private const double TicksPerSecond = 100.0; // USER_HZ, 100 on every Linux the stack supports

    // The busy columns of the "cpu" line: user, nice, system, irq, softirq, steal (not idle, iowait).
    private static readonly int[] BusyColumns = [1, 2, 3, 6, 7, 8];

    public static CpuSample Take()
    {
        using var self = System.Diagnostics.Process.GetCurrentProcess();
        var machine = TimeSpan.Zero;
        if (File.Exists("/proc/stat"))
        {
            var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var busy = BusyColumns.Sum(i => long.Parse(fields[i], CultureInfo.InvariantCulture));
            machine = TimeSpan.FromSeconds(busy / TicksPerSecond);
        }

        return new CpuSample(self.TotalProcessorTime, machine, Stopwatch.GetTimestamp());
    }

    /// <summary>Percent of one core used since <paramref name="start"/>: (this process, the rest of the machine).</summary>
    public (double Self, double Others) PercentSince(CpuSample start)
    {
        var wall = Stopwatch.GetElapsedTime(start.Timestamp, Timestamp).TotalSeconds;
        var self = (Process - start.Process).TotalSeconds / wall * 100;
        var all = (Machine - start.Machine).TotalSeconds / wall * 100;
        return (self, Math.Max(0, all - self));
    }
}
