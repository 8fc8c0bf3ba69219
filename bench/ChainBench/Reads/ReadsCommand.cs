using System.Globalization;
using ChainBench.Seeding;
using CustodySettle.Chain.Reading;

namespace ChainBench.Reads;

/// <summary>
/// <c>reads</c>: pins the head block, then per case (--cases snapshot,four) measures the batched reader
/// against one eth_call per value over the seeded subaccounts (--accounts-file), with the raw per-call
/// floor alongside (--raw 0 to skip it). Exits 1 when the paths disagree or a value is not what the
/// seeder set; the 20x target is reported, not enforced.
/// </summary>
internal static class ReadsCommand
{
    public static async Task<int> RunAsync(BenchOptions options, CancellationToken ct)
    {
        using var chain = await ChainSetup.OpenAsync(options, countMethods: false, ct);
        var accounts = await AccountsFile.ReadAsync(options.Required("--accounts-file"), ct);
        var block = await chain.Rpc.Eth.BlockNumberAsync(ct);
        var readerOptions = new BatchedReaderOptions();
        var reader = new BatchedReader(chain.Rpc.Eth, chain.Contracts.Multicall3, readerOptions);
        var repeats = options.Int("--repeats", 3);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"reads accounts={accounts.Count} block={block} repeats={repeats} multicall_gas_budget={readerOptions.MulticallGasBudget} " +
            $"max_calls_per_multicall={readerOptions.MaxCallsPerMulticall} requests_per_round_trip={readerOptions.RequestsPerRoundTrip} max_request_bytes={readerOptions.MaxRequestBytes} max_concurrent_round_trips={readerOptions.MaxConcurrentRoundTrips}"));

        var benchmark = new ReadBenchmark(chain.Rpc.Counter, QuietMachine.From(options), options.AnvilPid);
        foreach (var name in options.List("--cases", "snapshot,four"))
        {
            var readCase = Case(name, chain, reader, options.Int("--raw", 1) == 1);
            var runs = await benchmark.RunAsync(readCase, accounts, block, repeats, options.Int("--warmup", 500), ct);
            ReadSummary.Print(name, runs, options.Int("--quiet-pct", 15));
        }

        return 0;
    }

    private static ReadCase Case(string name, ChainSetup chain, BatchedReader reader, bool raw)
    {
        var c = chain.Contracts;
        var set = name switch
        {
            "snapshot" => ValueSet.Snapshot(c),
            "four" => ValueSet.Four(c),
            _ => throw new ArgumentException($"unknown read case '{name}' (snapshot, four)"),
        };
        IReadPath batched = name == "snapshot"
            ? new SnapshotReaderPath(new SubaccountSnapshotReader(c, reader), c.PerpBtc.Address)
            : new BatchedReaderPath(reader, set);
        return new ReadCase(set, batched, new PerCallPath(chain.Rpc.Eth, set), raw ? new RawPerCallPath(chain.Rpc.Http, chain.Rpc.Endpoint, set) : null);
    }
}
