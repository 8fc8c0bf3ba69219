using System.Data;
using Npgsql;

namespace CustodySettle.Ledger.Journal;

/// <summary>
/// The last check of a ledger: the counters in <c>ledger_accounts</c> are what the service serves as
/// balances, so they must equal the journal's replay at the head; a counter altered behind the
/// service's back is reported even though the chain itself is intact. It also proves what the dropped
/// foreign keys used to (migration 0003): the ledger is registered and every account an entry names
/// exists in that ledger.
/// </summary>
public sealed partial class JournalVerifier
{
    private const string HeadSeqSql = "SELECT coalesce((SELECT seq FROM ledger_journal_heads WHERE ledger_id = @ledgerId), 0)";

    private const string LedgerExistsSql = "SELECT EXISTS (SELECT 1 FROM ledger_assets WHERE ledger_id = @ledgerId)";

    private const string AccountsSql = """
        SELECT account_id, debits_pending, debits_posted, credits_pending, credits_posted
        FROM ledger_accounts
        WHERE ledger_id = @ledgerId
        ORDER BY account_id
        """;

    /// <summary>
    /// Compares in one REPEATABLE READ snapshot that still has the head where the walk ended (writers
    /// move counters and head in one transaction); if the head moved, the walk must go on first.
    /// </summary>
    private async Task<(bool HeadMoved, ChainFault? Fault)> CheckAccountsAsync(int ledgerId, ChainChecker checker, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        await using (var head = new NpgsqlCommand(HeadSeqSql, connection, transaction))
        {
            head.Parameters.AddWithValue("ledgerId", ledgerId);
            if ((long)(await head.ExecuteScalarAsync(cancellationToken))! != checker.LastSeq)
            {
                return (true, null);
            }
        }

        await using (var exists = new NpgsqlCommand(LedgerExistsSql, connection, transaction))
        {
            exists.Parameters.AddWithValue("ledgerId", ledgerId);
            if (checker.LastSeq > 0 && !(bool)(await exists.ExecuteScalarAsync(cancellationToken))!)
            {
                return (false, new ChainFault(1, JournalBreakKind.UnknownLedger, $"ledger {ledgerId} has journal entries but no row in ledger_assets"));
            }
        }

        var unseen = new Dictionary<long, long>(checker.FirstSeqs);
        await using var command = new NpgsqlCommand(AccountsSql, connection, transaction);
        command.Parameters.AddWithValue("ledgerId", ledgerId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var accountId = reader.GetInt64(0);
            unseen.Remove(accountId);
            var stored = JournalColumns.ReadSnapshot(reader, 1);
            var replayed = checker.BalanceOf(accountId);
            if (stored != replayed)
            {
                return (false, new ChainFault(checker.LastSeq, JournalBreakKind.AccountMismatch,
                    $"account {accountId} holds {stored} but the journal replays to {replayed} at seq {checker.LastSeq}"));
            }
        }

        if (unseen.Count > 0)
        {
            // Report the account whose first entry comes earliest: the first link that names a stranger.
            var (account, seq) = unseen.MinBy(kv => kv.Value);
            return (false, new ChainFault(seq, JournalBreakKind.UnknownAccount,
                $"entry {seq} names account {account}, which is not an account of ledger {ledgerId} (missing, or in another ledger)"));
        }

        return (false, null);
    }
}
