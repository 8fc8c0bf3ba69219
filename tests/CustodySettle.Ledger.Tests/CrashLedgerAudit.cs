using System.Globalization;
using CustodySettle.Ledger.Journal;
using Dapper;
using Npgsql;

namespace CustodySettle.Ledger.Tests;

/// <summary>
/// What must hold in the database after any crash, checked straight from the tables (not through the
/// writer): acknowledged transfers present exactly once with their acknowledged result; nothing
/// half-applied (journal, transfer rows, counters and the chain agree); debits equal credits.
/// Returns every violation found, so one failure message shows them all.
/// </summary>
internal static class CrashLedgerAudit
{
    public static async Task<List<string>> CheckAsync(NpgsqlDataSource db, IReadOnlyDictionary<Guid, string> acked, CancellationToken ct)
    {
        var problems = new List<string>();
        await using var connection = await db.OpenConnectionAsync(ct);

        var rows = (await connection.QueryAsync<(Guid Id, string Result, long? Seq, int Journal)>(new CommandDefinition(
            """
            SELECT t.transfer_id, t.result, t.journal_seq,
                   (SELECT count(*)::int FROM ledger_journal j WHERE j.transfer_id = t.transfer_id)
            FROM ledger_transfers t WHERE t.transfer_id = ANY(@ids)
            """, new { ids = acked.Keys.ToArray() }, cancellationToken: ct))).ToDictionary(r => r.Id);
        foreach (var (id, result) in acked)
        {
            if (!rows.TryGetValue(id, out var row))
            {
                problems.Add($"acked {id} {result} has no ledger_transfers row");
            }
            else if (Normalize(row.Result) != Normalize(result))
            {
                problems.Add($"acked {id} {result} is stored as {row.Result}");
            }
            else if (Normalize(result) == "OK" && row.Journal != 1)
            {
                problems.Add($"acked ok {id} has {row.Journal} journal entries");
            }
        }

        await AddAllAsync(connection, problems, ct,
            ("journal entry without an ok transfer row (or at another seq)", """
                SELECT j.ledger_id || ':' || j.seq FROM ledger_journal j
                LEFT JOIN ledger_transfers t ON t.transfer_id = j.transfer_id AND t.result = 'ok' AND t.journal_seq = j.seq
                WHERE t.transfer_id IS NULL
                """),
            ("ok transfer without its journal entry", """
                SELECT t.transfer_id::text FROM ledger_transfers t
                LEFT JOIN ledger_journal j ON j.transfer_id = t.transfer_id AND j.ledger_id = t.ledger_id AND j.seq = t.journal_seq
                WHERE t.result = 'ok' AND j.seq IS NULL
                """),
            ("transfer journaled more than once", "SELECT transfer_id::text FROM ledger_journal GROUP BY transfer_id HAVING count(*) > 1"),
            ("linked chain partly applied", """
                SELECT linked_batch_id::text FROM ledger_transfers WHERE linked_batch_id IS NOT NULL
                GROUP BY linked_batch_id HAVING count(*) FILTER (WHERE result = 'ok') NOT IN (0, count(*))
                """),
            ("ledger whose debits differ from its credits", """
                SELECT ledger_id::text FROM ledger_accounts GROUP BY ledger_id
                HAVING sum(debits_posted) <> sum(credits_posted) OR sum(debits_pending) <> sum(credits_pending)
                """),
            // The crash writer sends immediate transfers only, so each counter is a plain sum of journal amounts.
            ("journal entry of a kind the crash writer never sends", "SELECT ledger_id || ':' || seq FROM ledger_journal WHERE kind <> 'immediate'"),
            ("account counters differ from the journal's sums", """
                SELECT a.account_id::text FROM ledger_accounts a
                WHERE a.debits_pending <> 0 OR a.credits_pending <> 0
                   OR a.debits_posted <> (SELECT coalesce(sum(amount), 0) FROM ledger_journal j WHERE j.debit_account_id = a.account_id)
                   OR a.credits_posted <> (SELECT coalesce(sum(amount), 0) FROM ledger_journal j WHERE j.credit_account_id = a.account_id)
                """),
            ("account counters differ from its latest journal snapshot", """
                SELECT a.account_id::text FROM ledger_accounts a
                CROSS JOIN LATERAL (
                    SELECT CASE WHEN j.debit_account_id = a.account_id
                                THEN ARRAY[j.debit_debits_pending, j.debit_debits_posted, j.debit_credits_pending, j.debit_credits_posted]
                                ELSE ARRAY[j.credit_debits_pending, j.credit_debits_posted, j.credit_credits_pending, j.credit_credits_posted] END AS after
                    FROM ledger_journal j
                    WHERE j.ledger_id = a.ledger_id AND (j.debit_account_id = a.account_id OR j.credit_account_id = a.account_id)
                    ORDER BY j.seq DESC LIMIT 1) last
                WHERE last.after <> ARRAY[a.debits_pending, a.debits_posted, a.credits_pending, a.credits_posted]
                """));

        problems.AddRange(await RehashAsync(connection, ct));

        // The product's own verifier must agree with the independent re-hash above.
        var verified = await new JournalVerifier(db).VerifyAllAsync(progress: null, ct);
        if (!verified.IsOk)
        {
            problems.Add($"JournalVerifier: {verified.FirstBreak}");
        }

        return problems;
    }

    /// <summary>The result names as the writer prints them (TransferResult) and as the table stores them, compared loosely.</summary>
    public static string Normalize(string result) => result.Replace("_", string.Empty, StringComparison.Ordinal).ToUpperInvariant();

    private static async Task AddAllAsync(NpgsqlConnection connection, List<string> problems, CancellationToken ct, params (string What, string Sql)[] checks)
    {
        foreach (var (what, sql) in checks)
        {
            var offenders = (await connection.QueryAsync<string>(new CommandDefinition(sql + " LIMIT 5", cancellationToken: ct))).ToList();
            if (offenders.Count > 0)
            {
                problems.Add($"{what}: {string.Join(", ", offenders)}");
            }
        }
    }

    /// <summary>Re-hashes every ledger's chain from the rows (JournalHasher) and checks it ends at the stored head.</summary>
    private static async Task<List<string>> RehashAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var problems = new List<string>();
        var heads = (await connection.QueryAsync<(int LedgerId, long Seq, byte[] Hash)>(new CommandDefinition(
            "SELECT ledger_id, seq, hash FROM ledger_journal_heads", cancellationToken: ct))).ToDictionary(h => h.LedgerId);
        await using var command = new NpgsqlCommand(
            $"SELECT {JournalColumns.Select} FROM ledger_journal j ORDER BY j.ledger_id, j.seq", connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var ledger = -1;
        var seq = 0L;
        var previous = JournalHasher.Genesis;
        while (await reader.ReadAsync(ct))
        {
            var entry = JournalColumns.Read(reader);
            if (entry.LedgerId != ledger)
            {
                CheckHead(heads, ledger, seq, previous, problems);
                (ledger, seq, previous) = (entry.LedgerId, 0, JournalHasher.Genesis);
            }

            var at = string.Create(CultureInfo.InvariantCulture, $"ledger {entry.LedgerId} seq {entry.Seq}");
            if (entry.Seq != seq + 1)
            {
                problems.Add($"{at}: follows seq {seq}");
            }

            if (!entry.PrevHash.AsSpan().SequenceEqual(previous))
            {
                problems.Add($"{at}: prev_hash is not the previous entry's hash");
            }

            if (!JournalHasher.Hash(entry.PrevHash, entry).AsSpan().SequenceEqual(entry.Hash))
            {
                problems.Add($"{at}: hash does not re-hash");
            }

            (seq, previous) = (entry.Seq, entry.Hash);
        }

        CheckHead(heads, ledger, seq, previous, problems);
        return problems;
    }

    private static void CheckHead(Dictionary<int, (int LedgerId, long Seq, byte[] Hash)> heads, int ledger, long seq, byte[] hash, List<string> problems)
    {
        if (ledger < 0)
        {
            return;
        }

        if (!heads.TryGetValue(ledger, out var head) || head.Seq != seq || !head.Hash.AsSpan().SequenceEqual(hash))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"ledger {ledger}: head is not the chain's last entry (seq {seq})"));
        }
    }
}
