using System.Globalization;

namespace ChainBench;

/// <summary>
/// The machine is shared with other engineers' builds: before each timed run, wait until the whole
/// machine has used less than <c>busyPercent</c> of a core over 2 s (anvil idles at ~0), for at most
/// <c>maxWait</c>; the run's own CPU columns then show whether anything started beside it.
/// </summary>
internal sealed class QuietMachine(double busyPercent, TimeSpan maxWait)
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(2);

    public static QuietMachine From(BenchOptions options) =>
        new(options.Int("--quiet-pct", 15), TimeSpan.FromSeconds(options.Int("--quiet-wait", 120)));

    /// <summary>Waits, and returns what it saw last, e.g. "quiet 3%" or "busy 140% after 120 s".</summary>
    public async Task<string> WaitAsync(CancellationToken ct)
    {
        var waited = TimeSpan.Zero;
        while (true)
        {
            var before = CpuSample.Take(null);
            await Task.Delay(Window, ct);
            var busy = CpuSample.Take(null).PercentSince(before);
            var percent = busy.Self + busy.Others;
            waited += Window;
            if (percent < busyPercent)
            {
                return string.Create(CultureInfo.InvariantCulture, $"quiet:{percent:F0}%");
            }

            if (waited >= maxWait)
            {
                return string.Create(CultureInfo.InvariantCulture, $"busy:{percent:F0}%");
            }
        }
    }
}
