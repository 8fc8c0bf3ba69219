using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using ChainBench.Seeding;

namespace ChainBench.Reads;

/// <summary>
/// Runs a <see cref="ReadCase"/>: an untimed warm-up of both paths on the first accounts, then
/// <c>repeats</c> timed reads of every account by each path in alternating order (batched first in odd
/// repeats, last in even ones), each after the machine is quiet, all at the same pinned block; then the checks.
/// </summary>
internal sealed class ReadBenchmark(RoundTripCounter counter, QuietMachine quiet, int? anvilPid)
{
    public async Task<IReadOnlyList<ReadRun>> RunAsync(
        ReadCase readCase, IReadOnlyList<SeededAccount> accounts, long block, int repeats, int warmup, CancellationToken ct)
    {
        var sample = accounts.Take(warmup).ToList();
        foreach (var path in readCase.Order(1))
        {
            await path.ReadAsync(sample, block, ct);
        }

        var runs = new List<ReadRun>();
        BigInteger[][]? reference = null;
        for (var repeat = 1; repeat <= repeats; repeat++)
        {
            foreach (var path in readCase.Order(repeat))
            {
                var (run, values) = await TimeAsync(readCase, path, repeat, accounts, block, ct);
                Console.WriteLine(run);
                runs.Add(run);
                reference ??= values;
                if (ReadCheck.Compare(reference, values, accounts, readCase.Set, $"{path.Name} repeat {repeat}") is { } difference)
                {
                    throw new InvalidOperationException($"case {readCase.Set.Name}: the paths disagree: {difference}");
                }
            }
        }

        var checkedValues = reference is null ? 0 : ReadCheck.Expected(reference, accounts, readCase.Set);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"check case={readCase.Set.Name} identical=true runs={runs.Count} values_per_run={accounts.Count * readCase.Set.Values.Count} " +
            $"checked_against_seed={checkedValues} block={block} values={string.Join(',', readCase.Set.Values)}"));
        return runs;
    }

    private async Task<(ReadRun Run, BigInteger[][] Values)> TimeAsync(
        ReadCase readCase, IReadPath path, int repeat, IReadOnlyList<SeededAccount> accounts, long block, CancellationToken ct)
    {
        var before = await quiet.WaitAsync(ct);
        var requestsBefore = counter.Requests;
        var cpu = CpuSample.Take(anvilPid);
        var started = Stopwatch.GetTimestamp();
        var read = await path.ReadAsync(accounts, block, ct);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var (self, anvil, others) = CpuSample.Take(anvilPid).PercentSince(cpu);
        var run = new ReadRun(
            readCase.Set.Name, path.Name, repeat, accounts.Count, accounts.Count * readCase.Set.Values.Count, elapsed,
            counter.Requests - requestsBefore, read.ReaderRoundTrips, self, anvil, others, before);
        return (run, read.Values);
    }
}
