using System.Diagnostics;
using System.Globalization;

namespace ChainBench;

/// <summary>
/// CPU time of this process, of anvil (when its pid is known) and of the whole machine (Linux
/// /proc/stat: user, nice, system, irq, softirq, steal), so a result shows who used the two cores
/// (as bench/LedgerBench/CpuSample.cs does for PostgreSQL).
/// </summary>
internal readonly record struct CpuSample(TimeSpan Process, TimeSpan Anvil, TimeSpan Machine, long Timestamp)
{
    private const double TicksPerSecond = 100.0; // USER_HZ, 100 on every Linux the stack supports

    // The busy columns of the "cpu" line: user, nice, system, irq, softirq, steal (not idle, iowait).
    private static readonly int[] BusyColumns = [1, 2, 3, 6, 7, 8];

    public static CpuSample Take(int? anvilPid)
    {
        using var self = System.Diagnostics.Process.GetCurrentProcess();
        var machine = TimeSpan.Zero;
        if (File.Exists("/proc/stat"))
        {
            var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            machine = Ticks(BusyColumns.Sum(i => long.Parse(fields[i], CultureInfo.InvariantCulture)));
        }

        return new CpuSample(self.TotalProcessorTime, anvilPid is { } pid ? ProcessTime(pid) : TimeSpan.Zero, machine, Stopwatch.GetTimestamp());
    }

    /// <summary>Percent of one core used since <paramref name="start"/>: this process, anvil, everything else.</summary>
    public (double Self, double Anvil, double Others) PercentSince(CpuSample start)
    {
        var wall = Stopwatch.GetElapsedTime(start.Timestamp, Timestamp).TotalSeconds;
        double Pct(TimeSpan used) => used.TotalSeconds / wall * 100;
        var self = Pct(Process - start.Process);
        var anvil = Pct(Anvil - start.Anvil);
        return (self, anvil, Math.Max(0, Pct(Machine - start.Machine) - self - anvil));
    }

    // /proc/<pid>/stat: utime and stime are fields 14 and 15, counted after the ")" closing the name.
    private static TimeSpan ProcessTime(int pid)
    {
        var path = $"/proc/{pid}/stat";
        if (!File.Exists(path))
        {
            return TimeSpan.Zero;
        }

        var text = File.ReadAllText(path);
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        return Ticks(long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture));
    }

    private static TimeSpan Ticks(long ticks) => TimeSpan.FromSeconds(ticks / TicksPerSecond);
}
