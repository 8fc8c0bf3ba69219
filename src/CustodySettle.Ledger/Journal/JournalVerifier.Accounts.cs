using System.Data;
using Npgsql;

namespace CustodySettle.Ledger.Journal;

/// <summary>
/// The last check of a ledger: the counters in <c>ledger_accounts</c> are what the service serves as
/// balances, so they must equal the journal's replay at the head; a counter altered behind the
/// service's back is reported even though the chain itself is intact.
/// </summary>
public sealed partial class JournalVerifier
{
    private const string HeadSeqSql = "SELECT coalesce((SELECT seq FROM ledger_journal_heads WHERE ledger_id = @ledgerId), 0)";

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

        await using var command = new NpgsqlCommand(AccountsSql, connection, transaction);
        command.Parameters.AddWithValue("ledgerId", ledgerId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var accountId = reader.GetInt64(0);
            var stored = JournalColumns.ReadSnapshot(reader, 1);
            var replayed = checker.BalanceOf(accountId);
            if (stored != replayed)
            {
                return (false, new ChainFault(checker.LastSeq, JournalBreakKind.AccountMismatch,
                    $"account {accountId} holds {stored} but the journal replays to {replayed} at seq {checker.LastSeq}"));
            }
        }

        return (false, null);
    }
}
