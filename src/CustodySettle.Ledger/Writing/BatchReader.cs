using System.Numerics;
using CustodySettle.Domain.Ledger;
using CustodySettle.Domain.Money;
using Npgsql;
using NpgsqlTypes;

namespace CustodySettle.Ledger.Writing;

/// <summary>Opens the transaction, locks the batch's rows in the global order and loads them with the
/// idempotency records, in one round trip of prepared statements.</summary>
internal static class BatchReader
{
    public static async Task<BatchState> LockAndLoadAsync(NpgsqlConnection connection, IReadOnlyList<TransferSlot> slots, CancellationToken cancellationToken)
    {
        var accountIds = slots.SelectMany(s => new[] { s.Request.DebitAccountId, s.Request.CreditAccountId }).Distinct().ToArray();
        var pendingIds = slots.Where(s => OperationKinds.Resolves(s.Kind) && s.Request.PendingId is not null)
            .Select(s => s.Request.PendingId!.Value).Distinct().ToArray();
        var ledgerIds = slots.Select(s => s.Request.LedgerId).Distinct().ToArray();
        var transferIds = slots.Select(s => s.Request.Id).Where(id => id != Guid.Empty).Distinct().ToArray();

        await using var batch = new NpgsqlBatch(connection);
        batch.BatchCommands.Add(new NpgsqlBatchCommand(LedgerSql.Begin));
        batch.BatchCommands.Add(new NpgsqlBatchCommand(LedgerSql.CustomPlans));
        batch.BatchCommands.Add(Command(LedgerSql.LockAccounts, NpgsqlDbType.Bigint, accountIds));
        if (pendingIds.Length > 0)
        {
            // Skipped when empty: a statement costs a custom plan even when it finds nothing.
            batch.BatchCommands.Add(Command(LedgerSql.LockPendings, NpgsqlDbType.Uuid, pendingIds));
        }

        batch.BatchCommands.Add(Command(LedgerSql.LockHeads, NpgsqlDbType.Integer, ledgerIds));
        batch.BatchCommands.Add(Command(LedgerSql.LoadRecords, NpgsqlDbType.Uuid, transferIds));

        // Explicitly prepared statements persist on the physical connection: after the first batch,
        // PrepareAsync costs no round trip and PostgreSQL skips parsing (LedgerSql.CustomPlans).
        await batch.PrepareAsync(cancellationToken);
        var state = new BatchState();
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var account = ReadAccount(reader);
            state.Accounts.Add(account.Id, account);
        }

        await reader.NextResultAsync(cancellationToken);
        while (pendingIds.Length > 0 && await reader.ReadAsync(cancellationToken))
        {
            var timeoutAt = reader.IsDBNull(6) ? (DateTimeOffset?)null : reader.GetFieldValue<DateTimeOffset>(6);
            var pending = new PendingState(
                reader.GetGuid(0), reader.GetInt32(1), reader.GetInt64(2), reader.GetInt64(3), ReadAmount(reader, 4), reader.GetString(5), timeoutAt, isNew: false);
            state.Pendings.Add(pending.TransferId, pending);
        }

        if (pendingIds.Length > 0)
        {
            await reader.NextResultAsync(cancellationToken);
        }

        while (await reader.ReadAsync(cancellationToken))
        {
            var head = ReadHead(reader);
            state.Heads.Add(head.LedgerId, head);
        }

        await reader.NextResultAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var stored = new StoredTransfer(
                reader.GetGuid(0), reader.GetFieldValue<byte[]>(1), reader.GetString(2), ResultNames.Parse(reader.GetString(3)),
                reader.IsDBNull(4) ? null : reader.GetInt64(4));
            state.Stored.Add(stored.TransferId, stored);
        }

        return state;
    }

    private static AccountState ReadAccount(NpgsqlDataReader reader)
    {
        var balance = new AccountBalance(ReadAmount(reader, 3), ReadAmount(reader, 4), ReadAmount(reader, 5), ReadAmount(reader, 6));
        return new AccountState(reader.GetInt64(0), reader.GetInt32(1), (AccountLimits)reader.GetInt32(2), reader.GetBoolean(7), balance);
    }

    private static JournalHead ReadHead(NpgsqlDataReader reader) => new(reader.GetInt32(0), reader.GetInt64(1), reader.GetFieldValue<byte[]>(2));

    private static NpgsqlBatchCommand Command(string sql, NpgsqlDbType element, object ids) =>
        new(sql) { Parameters = { SqlParameters.Array("ids", element, ids) } };

    private static Amount ReadAmount(NpgsqlDataReader reader, int ordinal) => new(reader.GetFieldValue<BigInteger>(ordinal));
}
