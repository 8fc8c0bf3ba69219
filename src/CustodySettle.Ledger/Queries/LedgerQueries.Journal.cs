using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using CustodySettle.Ledger.Accounts;
using CustodySettle.Ledger.Journal;
using Npgsql;

namespace CustodySettle.Ledger.Queries;

/// <summary>Journal pages for auditors, in (ledger, seq) keyset order.</summary>
public sealed partial class LedgerQueries
{
    /// <summary>The largest page a caller may ask for.</summary>
    public const int MaxPageSize = 10_000;

    private const string AccountEntriesSql = $"""
        SELECT {JournalColumns.Select}
        FROM ledger_journal j
        WHERE j.ledger_id = @ledgerId AND j.seq > @afterSeq AND j.seq <= @throughSeq
          AND (j.debit_account_id = @accountId OR j.credit_account_id = @accountId)
        ORDER BY j.seq
        LIMIT @limit
        """;

    /// <summary>
    /// One page of entries matching <paramref name="filter"/>. Pass the previous page's
    /// <see cref="JournalPage.NextPageToken"/> to continue; a token from another filter is rejected.
    /// Keyset pagination: entries appended meanwhile appear at the end, none is repeated or skipped.
    /// </summary>
    public async Task<JournalPage> ListJournalAsync(JournalFilter filter, int limit, string? pageToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxPageSize);
        if ((filter.OwnerKind is null) != (filter.OwnerId is null))
        {
            throw new ArgumentException("an owner filter needs both the owner kind and the owner id", nameof(filter));
        }

        var filterKey = FilterKey(filter);
        var (afterLedger, afterSeq) = pageToken is null ? (0, 0L) : JournalPageToken.Decode(pageToken, filterKey);

        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand { Connection = connection };
        command.CommandText = BuildListSql(filter, command.Parameters);
        command.Parameters.AddWithValue("afterLedger", afterLedger);
        command.Parameters.AddWithValue("afterSeq", afterSeq);
        command.Parameters.AddWithValue("limit", limit + 1);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<JournalEntry>(limit + 1);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(JournalColumns.Read(reader));
        }

        // One row more than asked tells whether a next page exists without a count query.
        if (entries.Count <= limit)
        {
            return new JournalPage(entries, null);
        }

        entries.RemoveAt(limit);
        var last = entries[^1];
        return new JournalPage(entries, JournalPageToken.Encode(last.LedgerId, last.Seq, filterKey));
    }

    /// <summary>The entries touching an account with seq in (<paramref name="afterSeq"/>, <paramref name="throughSeq"/>], streamed page by page.</summary>
    internal async IAsyncEnumerable<JournalEntry> AccountEntriesAsync(
        long accountId, int ledgerId, long afterSeq, long throughSeq, int pageSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (afterSeq < throughSeq)
        {
            var page = new List<JournalEntry>(pageSize);
            await using (var connection = await _dataSource.OpenConnectionAsync(cancellationToken))
            await using (var command = new NpgsqlCommand(AccountEntriesSql, connection))
            {
                command.Parameters.AddWithValue("ledgerId", ledgerId);
                command.Parameters.AddWithValue("accountId", accountId);
                command.Parameters.AddWithValue("afterSeq", afterSeq);
                command.Parameters.AddWithValue("throughSeq", throughSeq);
                command.Parameters.AddWithValue("limit", pageSize);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    page.Add(JournalColumns.Read(reader));
                }
            }

            foreach (var entry in page)
            {
                yield return entry;
            }

            if (page.Count < pageSize)
            {
                yield break;
            }

            afterSeq = page[^1].Seq;
        }
    }

    /// <summary>The WHERE clause from fixed fragments, one per criterion; every value is a parameter.</summary>
    private static string BuildListSql(JournalFilter filter, NpgsqlParameterCollection parameters)
    {
        var sql = new StringBuilder($"SELECT {JournalColumns.Select}\nFROM ledger_journal j\nWHERE (j.ledger_id, j.seq) > (@afterLedger, @afterSeq)");
        if (filter.LedgerId is { } ledgerId)
        {
            sql.Append("\n  AND j.ledger_id = @ledgerId");
            parameters.AddWithValue("ledgerId", ledgerId);
        }

        if (filter.AccountId is { } accountId)
        {
            sql.Append("\n  AND (j.debit_account_id = @accountId OR j.credit_account_id = @accountId)");
            parameters.AddWithValue("accountId", accountId);
        }

        if (filter.OwnerKind is { } ownerKind)
        {
            sql.Append("""

                  AND EXISTS (SELECT 1 FROM ledger_accounts a
                              WHERE a.account_id IN (j.debit_account_id, j.credit_account_id)
                                AND a.owner_kind = @ownerKind AND a.owner_id = @ownerId)
                """);
            parameters.AddWithValue("ownerKind", OwnerKinds.Name(ownerKind));
            parameters.AddWithValue("ownerId", filter.OwnerId!);
        }

        if (filter.From is { } from)
        {
            sql.Append("\n  AND j.recorded_at >= @from");
            parameters.AddWithValue("from", from.ToUniversalTime());
        }

        if (filter.To is { } to)
        {
            sql.Append("\n  AND j.recorded_at < @to");
            parameters.AddWithValue("to", to.ToUniversalTime());
        }

        if (filter.TransferId is { } transferId)
        {
            // ledger_transfers indexes transfer_id and pending_id and points at the journal; the journal
            // columns are checked too, so the answer never rests on the unchained table alone.
            sql.Append("""

                  AND (j.ledger_id, j.seq) IN (SELECT t.ledger_id, t.journal_seq FROM ledger_transfers t
                                               WHERE t.journal_seq IS NOT NULL
                                                 AND (t.transfer_id = @transferId OR t.pending_id = @transferId))
                  AND (j.transfer_id = @transferId OR j.pending_id = @transferId)
                """);
            parameters.AddWithValue("transferId", transferId);
        }

        sql.Append("\nORDER BY j.ledger_id, j.seq\nLIMIT @limit");
        return sql.ToString();
    }

    private static string FilterKey(JournalFilter f) => string.Create(CultureInfo.InvariantCulture,
        $"{f.LedgerId}|{f.AccountId}|{f.OwnerKind}|{f.OwnerId}|{f.From?.UtcTicks}|{f.To?.UtcTicks}|{f.TransferId}");
}
