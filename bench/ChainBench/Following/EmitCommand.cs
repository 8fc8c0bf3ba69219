using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using CustodySettle.Chain.Rpc;

namespace ChainBench.Following;

/// <summary>
/// <c>emit</c>: deploys BenchEmitter and emits --events events, --per-transaction per transaction (one
/// transaction per block: anvil automines), for the follower to read. Not a measured step.
/// </summary>
internal static class EmitCommand
{
    /// <summary>A BalanceAdjusted log costs ~3,800 gas here; 5,000 leaves headroom.</summary>
    private const long GasPerEvent = 5_000;

    public static async Task<int> RunAsync(BenchOptions options, CancellationToken ct)
    {
        using var chain = await ChainSetup.OpenAsync(options, countMethods: false, ct);
        using var owner = chain.Owner();
        var events = options.Int("--events", 100_000);
        var perTransaction = options.Int("--per-transaction", 1_000);
        var artifact = BenchArtifacts.Emitter(chain.Contracts.Artifacts);
        var started = Stopwatch.GetTimestamp();
        var emitter = await owner.DeployAsync(artifact, [], 1_000_000, ct);
        long firstBlock = 0, lastBlock = 0;
        var transactions = 0;
        for (var done = 0; done < events; done += perTransaction)
        {
            var count = Math.Min(perTransaction, events - done);
            var receipt = await owner.CallAsync(emitter, artifact.Abi, "emitMany", [count], (count * GasPerEvent) + 100_000, ct);
            firstBlock = transactions == 0 ? receipt.BlockNumber : firstBlock;
            lastBlock = receipt.BlockNumber;
            transactions++;
        }

        var emitted = (await owner.ViewAsync(emitter, artifact.Abi, "emitted", [], BlockTag.Latest, ct)).Get<BigInteger>(0);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"emit events={emitted} transactions={transactions} first_block={firstBlock} last_block={lastBlock} " +
            $"seconds={Stopwatch.GetElapsedTime(started).TotalSeconds:F1} emitter={emitter}"));
        return emitted == events ? 0 : 1;
    }
}
