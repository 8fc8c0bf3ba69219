using System.Globalization;

namespace LedgerBench;

/// <summary>
/// Command line: --connection (default: env CS_PG_CONNECTION, the stack's superuser), --database NAME
/// (use this migrated database; default: create ledger_bench_&lt;utc&gt; and drop it after), --accounts
/// (10000), --writers (64), --warmup seconds (10), --seconds measured per case (30), --max-batch N
/// (the writer's option; default: the writer's own default), --per-call 1,16 (transfers per
/// SubmitAsync call: every case runs once for each), --cases uniform,hot.
/// </summary>
internal sealed record BenchOptions(
    string Connection,
    string? Database,
    int Accounts,
    int Writers,
    TimeSpan Warmup,
    TimeSpan Measured,
    int? MaxBatch,
    IReadOnlyList<int> PerCall,
    IReadOnlyList<string> Cases)
{
    public static BenchOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i]] = args[i + 1];
        }

        if (args.Length % 2 != 0 || values.Keys.Any(k => !k.StartsWith("--", StringComparison.Ordinal)))
        {
            throw new ArgumentException("usage: LedgerBench [--connection CS] [--database NAME] [--accounts N] [--writers N] [--warmup S] [--seconds S] [--max-batch N] [--per-call N,...] [--cases uniform,hot]");
        }

        int Int(string name, int fallback) => values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        return new BenchOptions(
            values.GetValueOrDefault("--connection") ?? Environment.GetEnvironmentVariable("CS_PG_CONNECTION")
                ?? throw new ArgumentException("no --connection and no CS_PG_CONNECTION (source .stack/stack.env)"),
            values.GetValueOrDefault("--database"),
            Int("--accounts", 10_000),
            Int("--writers", 64),
            TimeSpan.FromSeconds(Int("--warmup", 10)),
            TimeSpan.FromSeconds(Int("--seconds", 30)),
            values.ContainsKey("--max-batch") ? Int("--max-batch", 0) : null,
            PerCallCounts(values.GetValueOrDefault("--per-call") ?? "1,16"),
            (values.GetValueOrDefault("--cases") ?? "uniform,hot").Split(','));
    }

    private static int[] PerCallCounts(string text)
    {
        var counts = text.Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        return counts.All(c => c >= 1) ? counts : throw new ArgumentException("--per-call: every count must be at least 1");
    }
}
