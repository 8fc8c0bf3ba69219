using Dapper;
using Npgsql;

namespace CustodySettle.Ledger.Journal;

/// <summary>
/// Re-verifies the journal from the table alone (issue 5, "Audit"): walks each ledger's hash chain in seq
/// order, in keyset pages so that memory stays bounded however long the chain, recomputing every hash with
/// <see cref="JournalHasher"/> and replaying every balance from zero; then checks the chain's head row and
/// that every account's current counters equal its replayed balance.
/// Stops at the first broken link. Read-only: it can run as the service role or as an auditor's role.
/// </summary>
public sealed partial class JournalVerifier
{
    /// <summary>Rows per page: large enough to amortize the round trip, small enough to bound memory.</summary>
    public const int DefaultPageSize = 5_000;

    private const string PageSql = $"""
        SELECT {JournalColumns.Select}
        FROM ledger_journal j
        WHERE j.ledger_id = @ledgerId AND j.seq > @afterSeq
        ORDER BY j.seq
        LIMIT @limit
        """;

    // Registered ledgers and any ledger the journal holds entries of (no foreign key ties the journal to
    // ledger_assets since migration 0003): a loose skip scan of the primary key, one probe per ledger.
    private const string LedgersSql = """
        WITH RECURSIVE journal_ledgers(ledger_id) AS (
            SELECT min(ledger_id) FROM ledger_journal
            UNION ALL
            SELECT (SELECT min(j.ledger_id) FROM ledger_journal j WHERE j.ledger_id > l.ledger_id)
            FROM journal_ledgers l WHERE l.ledger_id IS NOT NULL)
        SELECT ledger_id FROM ledger_assets
        UNION
        SELECT ledger_id FROM journal_ledgers WHERE ledger_id IS NOT NULL
        ORDER BY 1
        """;

    private readonly NpgsqlDataSource _dataSource;
    private readonly int _pageSize;

    public JournalVerifier(NpgsqlDataSource dataSource, int pageSize = DefaultPageSize)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        _dataSource = dataSource;
        _pageSize = pageSize;
    }

    /// <summary>The number of entries a full run will check (the heads' sequences), for a progress bar's total.</summary>
    public async Task<long> CountEntriesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT coalesce(sum(seq), 0)::bigint FROM ledger_journal_heads", cancellationToken: cancellationToken));
    }

    /// <summary>Verifies every ledger in ledger id order, stopping at the first break.</summary>
    /// <param name="progress">Receives the running count of entries checked, after each page.</param>
    /// <param name="cancellationToken">Cancels the walk.</param>
    public async Task<JournalVerificationResult> VerifyAllAsync(IProgress<long>? progress, CancellationToken cancellationToken)
    {
        IEnumerable<int> ledgers;
        await using (var connection = await _dataSource.OpenConnectionAsync(cancellationToken))
        {
            ledgers = await connection.QueryAsync<int>(new CommandDefinition(LedgersSql, cancellationToken: cancellationToken));
        }

        var total = new JournalVerificationResult(0, 0, 0, null);
        foreach (var ledgerId in ledgers)
        {
            var done = total.EntriesChecked;
            var offset = progress is null ? null : new OffsetProgress(done, progress);
            var one = await VerifyAsync(ledgerId, offset, cancellationToken);
            total = new JournalVerificationResult(
                total.LedgersChecked + 1, done + one.EntriesChecked, total.AccountsReplayed + one.AccountsReplayed, one.FirstBreak);
            if (!one.IsOk)
            {
                break;
            }
        }

        return total;
    }

    /// <summary>Verifies one ledger's chain and head.</summary>
    /// <param name="ledgerId">The ledger (asset) to verify.</param>
    /// <param name="progress">Receives the running count of entries checked, after each page.</param>
    /// <param name="cancellationToken">Cancels the walk.</param>
    public async Task<JournalVerificationResult> VerifyAsync(int ledgerId, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        var checker = new ChainChecker();
        while (true)
        {
            var page = await ReadPageAsync(ledgerId, checker.LastSeq, cancellationToken);
            foreach (var entry in page)
            {
                if (checker.Check(entry) is { } fault)
                {
                    var refined = fault.Unlinked ? await RefineUnlinkedAsync(ledgerId, checker, fault, cancellationToken) : fault;
                    return Result(ledgerId, checker, refined);
                }
            }

            progress?.Report(checker.LastSeq);
            if (page.Count == _pageSize)
            {
                continue;
            }

            // The walk reached the end it could see; the head decides whether that end is the real one.
            // Writers append and move the head in one transaction, so entries past our end that the head
            // covers were appended while we walked: keep walking.
            var head = await ReadHeadAsync(ledgerId, cancellationToken);
            if (head.LastSeq > checker.LastSeq && head.HeadSeq >= head.LastSeq)
            {
                continue;
            }

            if (CheckHead(checker, head) is { } headFault)
            {
                return Result(ledgerId, checker, headFault);
            }

            var (headMoved, accountFault) = await CheckAccountsAsync(ledgerId, checker, cancellationToken);
            if (!headMoved)
            {
                return Result(ledgerId, checker, accountFault);
            }
        }
    }

    private static JournalVerificationResult Result(int ledgerId, ChainChecker checker, ChainFault? fault) => new(
        1,
        checker.LastSeq,
        checker.AccountsReplayed,
        fault is { } f ? new JournalBreak(ledgerId, f.Seq, f.Kind, f.Detail) : null);

    private async Task<List<JournalEntry>> ReadPageAsync(int ledgerId, long afterSeq, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(PageSql, connection);
        command.Parameters.AddWithValue("ledgerId", ledgerId);
        command.Parameters.AddWithValue("afterSeq", afterSeq);
        command.Parameters.AddWithValue("limit", _pageSize);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var page = new List<JournalEntry>(_pageSize);
        while (await reader.ReadAsync(cancellationToken))
        {
            page.Add(JournalColumns.Read(reader));
        }

        return page;
    }
}
