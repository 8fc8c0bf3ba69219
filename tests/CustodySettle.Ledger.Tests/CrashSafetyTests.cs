using CustodySettle.Testing;
using Dapper;
using Xunit.Abstractions;

namespace CustodySettle.Ledger.Tests;

/// <summary>
/// Issue 5, crash safety: a separate writer process is killed with SIGKILL in the middle of its
/// batches, three times, restarted with the same seed each time (so it re-submits the same ids), then
/// run to completion. After every kill and at the end, every acknowledged transfer must be in the
/// database exactly once with the acknowledged result, and nothing unacknowledged may be half-applied.
/// </summary>
public sealed class CrashSafetyTests(PostgresFixture postgres, ITestOutputHelper output) : IClassFixture<PostgresFixture>
{
    private const int LedgerId = 7;
    private const long Seed = 20_261_121;
    // Large enough that three kills, each landing up to ~1,600 acks late on a loaded machine (the test
    // reads the pipe behind the writer), never let a run finish before its kill.
    private const int Units = 16_000;
    private const int Concurrency = 32;
    private static readonly TimeSpan RunLimit = TimeSpan.FromMinutes(3);

    // Each run is killed once the test has read this many acks of ids no earlier run acknowledged
    // (a restarted run first re-acks what committed before, as replays). The test reads the pipe
    // behind the writer, so the writer is a few hundred acks further on when the kill lands.
    private const int KillAfterNewAcks = 250;
    private const int Kills = 3;

    [Fact]
    public async Task SubmitAsync_WriterKilledMidBatchThreeTimes_EveryAckedTransferExactlyOnceAndNothingHalfApplied()
    {
        // Arrange
        var ct = CancellationToken.None;
        var acked = new Dictionary<Guid, string>();

        for (var kill = 1; kill <= Kills; kill++)
        {
            // Act: run until the Nth new ack, then SIGKILL while other submitters wait on their batches.
            using var run = CrashWriterRun.Start(postgres.ConnectionString, LedgerId, Seed, Units, Concurrency, KillAfterNewAcks, acked.Keys.ToHashSet());
            await run.WaitAsync(RunLimit);
            Assert.True(run.Killed && !run.Done, $"the writer was to be killed after {KillAfterNewAcks} new acks but ended by itself:\n{run.RecentOutput}");
            var known = acked.Count;
            Record(acked, run);
            output.WriteLine($"killed after {run.Acks.Count} acks ({acked.Count - known} ids acked for the first time); {acked.Count} acked ids so far; " +
                $"{await CountStoredAsync(LedgerId) - acked.Count} stored ids committed but never acknowledged (in flight at the kill)");

            // Assert, between crash and restart: what was acknowledged survived, nothing is half-applied.
            var problems = await CrashLedgerAudit.CheckAsync(postgres.DataSource, acked, ct);
            Assert.True(problems.Count == 0, $"after kill {kill}:\n{string.Join('\n', problems)}");
        }

        using var final = CrashWriterRun.Start(postgres.ConnectionString, LedgerId, Seed, Units, Concurrency, killAfterNewAcks: null, acked.Keys.ToHashSet());
        var exitCode = await final.WaitAsync(RunLimit);
        Assert.True(exitCode == 0 && final.Done, $"the final run failed (exit {exitCode}):\n{final.RecentOutput}");
        Record(acked, final);
        output.WriteLine($"final run: {final.Acks.Count} acks of {final.PlannedTransfers} planned ids; {acked.Count} acked ids in all");

        // Assert: the final run acknowledged every planned id once (replays included) ...
        var finalIds = final.Acks.Select(a => a.Id).ToHashSet();
        Assert.Equal(final.PlannedTransfers, final.Acks.Count);
        Assert.Equal(final.PlannedTransfers, finalIds.Count);
        Assert.Equal(acked.Count, finalIds.Count);

        // ... the tables hold exactly those ids, each once (the killed runs left no stray ids) ...
        await using var connection = await postgres.DataSource.OpenConnectionAsync(ct);
        var stored = await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM ledger_transfers WHERE ledger_id = @LedgerId", new { LedgerId });
        var storedOfPlan = await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM ledger_transfers WHERE transfer_id = ANY(@ids)", new { ids = finalIds.ToArray() });
        Assert.Equal(finalIds.Count, stored);
        Assert.Equal(finalIds.Count, storedOfPlan);

        // ... some transfers applied, some failed on the limited accounts, and some linked chains exist,
        // so the checks above were not vacuous ...
        Assert.Contains(acked.Values, r => CrashLedgerAudit.Normalize(r) == "OK");
        Assert.Contains(acked.Values, r => CrashLedgerAudit.Normalize(r) != "OK");
        Assert.True(await connection.ExecuteScalarAsync<long>("SELECT count(DISTINCT linked_batch_id) FROM ledger_transfers") > 0, "no linked chain was stored");

        // ... and every invariant holds for the whole history.
        var finalProblems = await CrashLedgerAudit.CheckAsync(postgres.DataSource, acked, ct);
        output.WriteLine($"checked {acked.Count} acked ids: {acked.Values.Count(r => CrashLedgerAudit.Normalize(r) == "OK")} ok, " +
            $"{acked.Values.Count(r => CrashLedgerAudit.Normalize(r) != "OK")} failed; {stored} ledger_transfers rows");
        Assert.True(finalProblems.Count == 0, string.Join('\n', finalProblems));
    }

    private async Task<long> CountStoredAsync(int ledgerId)
    {
        await using var connection = await postgres.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM ledger_transfers WHERE ledger_id = @ledgerId", new { ledgerId });
    }

    /// <summary>Adds a run's acks; an id acknowledged twice (a replay in a later run) must carry the same result.</summary>
    private static void Record(Dictionary<Guid, string> acked, CrashWriterRun run)
    {
        foreach (var (id, result) in run.Acks)
        {
            if (acked.TryGetValue(id, out var earlier))
            {
                Assert.True(earlier == result, $"{id} was acknowledged as {earlier}, then replayed as {result}");
            }
            else
            {
                acked.Add(id, result);
            }
        }
    }
}
