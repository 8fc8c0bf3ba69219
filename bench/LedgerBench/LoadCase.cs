using System.Diagnostics;
using System.Globalization;
using CustodySettle.Domain.Ledger;
using CustodySettle.Domain.Money;

namespace LedgerBench;

/// <summary>
/// One measured case: <c>writers</c> tasks, each submitting one transfer per SubmitAsync call in a
/// loop, as independent clients would; batching is the writer's job (group commit), not the caller's.
/// Calls that start during the warm-up are not measured; every call that starts inside the measured
/// window is timed, and the window ends when the last of those completes.
/// </summary>
internal sealed class LoadCase(string name, ILedgerWriter writer, int ledgerId, IReadOnlyList<long> accounts, bool hot)
{
    private const int Warming = 0;
    private const int Measuring = 1;
    private const int Stopping = 2;
    private int _phase = Warming;

    public async Task<CaseResult> RunAsync(int writers, TimeSpan warmup, TimeSpan measured, CancellationToken ct)
    {
        var latencies = new List<long>[writers];
        var failures = new long[writers];
        var workers = new Task[writers];
        for (var w = 0; w < writers; w++)
        {
            var worker = w;
            latencies[w] = new List<long>(1 << 16);
            workers[w] = Task.Run(() => LoopAsync(worker, latencies[worker], failures, ct), ct);
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
        return new CaseResult(name, writers, accounts.Count, all.Length, failures.Sum(), elapsed, all, cpuSelf, cpuOthers);
    }

    private async Task LoopAsync(int worker, List<long> latencies, long[] failures, CancellationToken ct)
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

            var request = Next(random, prefix | n);
            var started = Stopwatch.GetTimestamp();
            var outcome = (await writer.SubmitAsync([request], ct))[0];
            var took = Stopwatch.GetTimestamp() - started;
            if (phase != Measuring)
            {
                continue;
            }

            latencies.Add(took);
            if (outcome.Result != TransferResult.Ok || outcome.Replayed)
            {
                failures[worker]++;
            }
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
