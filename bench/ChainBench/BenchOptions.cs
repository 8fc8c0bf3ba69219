using System.Globalization;

namespace ChainBench;

/// <summary>
/// Command line: <c>ChainBench seed|reads|emit|follow --rpc-url URL --deployment FILE [options]</c>.
/// seed: --accounts (10000), --per-transaction (400), --accounts-file (where to write the seeded accounts),
/// --read-gas-limit (30000000: the block gas limit set once seeding is done). reads: --accounts-file,
/// --repeats (3), --cases (snapshot,four), --warmup (500 accounts), --raw (1: also time the raw per-call
/// floor). Timed runs wait for a quiet machine: --quiet-pct (15), --quiet-wait (120 s). emit: --events (100000),
/// --per-transaction (1000). follow: --emitter ADDR, --events (expected rows), --cases
/// (defaults,initial-range-1), --connection (default: env CS_PG_CONNECTION), --database NAME (use this
/// migrated database; default: create chain_bench_&lt;utc&gt; and drop it after). Every command:
/// --contracts-out (forge's out folder; default: the checkout's), --anvil-pid (to split CPU use).
/// </summary>
internal sealed class BenchOptions
{
    private static readonly string[] Commands = ["seed", "reads", "emit", "follow"];
    private readonly Dictionary<string, string> _values;

    private BenchOptions(string command, Dictionary<string, string> values) => (Command, _values) = (command, values);

    public string Command { get; }

    public Uri RpcUrl => new(Required("--rpc-url"));

    public string DeploymentFile => Required("--deployment");

    public string? ContractsOut => _values.GetValueOrDefault("--contracts-out");

    public int? AnvilPid => _values.ContainsKey("--anvil-pid") ? Int("--anvil-pid", 0) : null;

    public static BenchOptions Parse(string[] args)
    {
        if (args.Length == 0 || !Commands.Contains(args[0]) || args.Length % 2 != 1)
        {
            throw new ArgumentException("usage: ChainBench seed|reads|emit|follow --rpc-url URL --deployment FILE [--name value ...]");
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i + 1 < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"expected an option, got '{args[i]}'");
            }

            values[args[i]] = args[i + 1];
        }

        return new BenchOptions(args[0], values);
    }

    public string Required(string name) =>
        _values.TryGetValue(name, out var value) ? value : throw new ArgumentException($"{Command} needs {name}");

    public string? Optional(string name) => _values.GetValueOrDefault(name);

    public int Int(string name, int fallback) =>
        _values.TryGetValue(name, out var value) ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    public IReadOnlyList<string> List(string name, string fallback) =>
        (_values.GetValueOrDefault(name) ?? fallback).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
