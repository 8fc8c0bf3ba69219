using System.Diagnostics;
using System.Globalization;
using CustodySettle.Domain.Ledger;
using CustodySettle.Domain.Money;

namespace LedgerBench;

/// <summary>
/// One measured case: <c>writers</c> tasks, each submitting <c>perCall</c> transfers per SubmitAsync
/// call in a loop, as independent clients would. With one per call (the default) batching is
/// entirely the writer's job (group commit); more per call is how TigerBeetle's clients send
/// (../shared/DOMAIN.md). Calls that start during the warm-up are not measured; every call that
/// starts inside the measured window is timed (its latency counts once per call), and the window
/// ends when the last of those completes.
/// </summary>
internal sealed class LoadCase(string name, ILedgerWriter writer, int ledgerId, IReadOnlyList<long> accounts, bool hot)
{
    private const int Warming = 0;
    private const int Measuring = 1;
    private const int Stopping = 2;
    private int _phase = Warming;

    public async Task<CaseResult> RunAsync(int writers, int perCall, TimeSpan warmup, TimeSpan measured, CancellationToken ct)
    {
        var latencies = new List<long>[writers];
        var failures = new long[writers];
        var transfers = new long[writers];
        var workers = new Task[writers];
        for (var w = 0; w < writers; w++)
        {
            var worker = w;
            latencies[w] = new List<long>(1 << 16);
            workers[w] = Task.Run(() => LoopAsync(worker, perCall, latencies[worker], transfers, failures, ct), ct);
        }

        await Task.Delay(warmup, ct);
        var start = Stopwatch.GetTimestamp();
        var cpuStart = CpuSample.Take();
        Volatile.Write(ref _phase, Measuring);
        await Task.Delay(measured, ct);
        Volatile.Write(ref _phase, Stopping);
        await Task.WhenAll(workers);
        var elapsed = Stopwatch.GetElapsedTime(start);
        var (cpuSelf, cpuOthers) = CpuSample.Take().PercentSince(cpuStart);

        var all = latencies.SelectMany(l => l).ToArray();
        Array.Sort(all);
        return new CaseResult(name, writers, perCall, accounts.Count, transfers.Sum(), failures.Sum(), elapsed, all, cpuSelf, cpuOthers);
    }

    private async Task LoopAsync(int worker, int perCall, List<long> latencies, long[] transfers, long[] failures, CancellationToken ct)
    {
        // Each writer has its own generator, seeded by its number, so runs send comparable traffic.
        var random = new Random(worker + 1);
        var prefix = (ulong)(uint)worker << 32;
        for (ulong n = 0; ; n++)
        {
            var phase = Volatile.Read(ref _phase);
            if (phase == Stopping)
            {
                return;
            }

            var requests = new TransferRequest[perCall];
            for (var i = 0; i < perCall; i++)
            {
                requests[i] = Next(random, prefix | (n * (ulong)perCall + (ulong)i));
            }

            var started = Stopwatch.GetTimestamp();
            var outcomes = await writer.SubmitAsync(requests, ct);
            var took = Stopwatch.GetTimestamp() - started;
            if (phase != Measuring)
            {
                continue;
            }

            latencies.Add(took);
            transfers[worker] += perCall;
            failures[worker] += outcomes.Count(o => o.Result != TransferResult.Ok || o.Replayed);
        }
    }

    private TransferRequest Next(Random random, ulong sequence)
    {
        var debit = hot ? 0 : random.Next(accounts.Count);
        var credit = random.Next(accounts.Count - 1);
        credit = credit >= debit ? credit + 1 : credit;
        return new TransferRequest(
            Guid.CreateVersion7(),
            ledgerId,
            accounts[debit],
            accounts[credit],
            new Amount(1 + random.Next(1000)),
            Reference: string.Create(CultureInfo.InvariantCulture, $"bench {sequence:x}"));
    }
}
