using CustodySettle.Domain.Ledger;
using CustodySettle.Ledger.Accounts;
using CustodySettle.Ledger.Journal;
using Npgsql;

namespace CustodySettle.Ledger.Queries;

/// <summary>
/// The auditors' read side of the ledger (issue 5, "Auditor queries"): current accounts, any account's
/// balance at a past journal sequence or instant, and filtered journal pages. Point-in-time balances are
/// one indexed lookup each: every journal entry carries both accounts' counters after it.
/// </summary>
public sealed partial class LedgerQueries
{
    private const string AccountSelect = """
        SELECT a.account_id, a.ledger_id, a.owner_kind, a.owner_id, a.custodian_id, a.purpose, a.limits,
               a.debits_pending, a.debits_posted, a.credits_pending, a.credits_posted, a.closed_at, s.asset_code
        FROM ledger_accounts a JOIN ledger_assets s ON s.ledger_id = a.ledger_id
        """;

    // The latest entry at or before @seq on either side of the account, through the (account, ledger,
    // seq) indexes: two backward index probes, whichever is later wins.
    private const string BalanceAtSeqSql = """
        SELECT a.ledger_id, coalesce(s.seq, 0), s.dp, s.dpo, s.cp, s.cpo
        FROM ledger_accounts a
        LEFT JOIN LATERAL (
            SELECT * FROM (
                (SELECT j.seq, j.debit_debits_pending AS dp, j.debit_debits_posted AS dpo,
                        j.debit_credits_pending AS cp, j.debit_credits_posted AS cpo
                 FROM ledger_journal j
                 WHERE j.debit_account_id = a.account_id AND j.ledger_id = a.ledger_id AND j.seq <= @seq
                 ORDER BY j.seq DESC LIMIT 1)
                UNION ALL
                (SELECT j.seq, j.credit_debits_pending, j.credit_debits_posted,
                        j.credit_credits_pending, j.credit_credits_posted
                 FROM ledger_journal j
                 WHERE j.credit_account_id = a.account_id AND j.ledger_id = a.ledger_id AND j.seq <= @seq
                 ORDER BY j.seq DESC LIMIT 1)
            ) sides
            ORDER BY seq DESC LIMIT 1
        ) s ON true
        WHERE a.account_id = @accountId
        """;

    // The writer stamps entries under the ledger's head lock, so recorded_at rises with seq and the
    // (ledger_id, recorded_at) index finds the cut in one probe.
    private const string SeqBeforeSql = """
        SELECT coalesce((
            SELECT j.seq FROM ledger_journal j
            WHERE j.ledger_id = @ledgerId AND j.recorded_at < @instant
            ORDER BY j.recorded_at DESC, j.seq DESC LIMIT 1), 0)
        """;

    private readonly NpgsqlDataSource _dataSource;

    public LedgerQueries(NpgsqlDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        _dataSource = dataSource;
    }

    /// <summary>The account with its current counters, or null when there is none.</summary>
    public async Task<Account?> GetAccountAsync(long accountId, CancellationToken cancellationToken)
    {
        var found = await ReadAccountsAsync($"{AccountSelect} WHERE a.account_id = @accountId", ("accountId", accountId), null, cancellationToken);
        return found.Count == 0 ? null : found[0].Account;
    }

    /// <summary>The accounts of <paramref name="accountIds"/> that exist, by id, in one query.</summary>
    public async Task<IReadOnlyDictionary<long, Account>> GetAccountsAsync(IReadOnlyCollection<long> accountIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(accountIds);
        if (accountIds.Count == 0)
        {
            return new Dictionary<long, Account>();
        }

        var found = await ReadAccountsAsync($"{AccountSelect} WHERE a.account_id = ANY(@accountIds)", ("accountIds", accountIds.ToArray()), null, cancellationToken);
        return found.ToDictionary(o => o.Account.Id, o => o.Account);
    }

    /// <summary>Every account of an owner, in (ledger, account id) order, with current counters.</summary>
    public async Task<IReadOnlyList<Account>> ListAccountsAsync(OwnerKind ownerKind, string ownerId, CancellationToken cancellationToken) =>
        [.. (await ListOwnedAccountsAsync(ownerKind, ownerId, cancellationToken)).Select(o => o.Account)];

    /// <summary>The account's counters after every entry of its ledger up to and including <paramref name="ledgerSeq"/>; null for an unknown account.</summary>
    public async Task<PointInTimeBalance?> BalanceAtSequenceAsync(long accountId, long ledgerSeq, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(ledgerSeq);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(BalanceAtSeqSql, connection);
        command.Parameters.AddWithValue("accountId", accountId);
        command.Parameters.AddWithValue("seq", ledgerSeq);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var lastEntry = reader.GetInt64(1);
        var balance = lastEntry == 0 ? AccountBalance.Zero : ToBalance(JournalColumns.ReadSnapshot(reader, 2));
        return new PointInTimeBalance(accountId, reader.GetInt32(0), ledgerSeq, lastEntry, balance);
    }

    /// <summary>
    /// The account's counters as they stood at the start of <paramref name="instant"/>: after every entry
    /// recorded strictly before it. Half-open, so a period's closing balance is the next period's opening.
    /// </summary>
    public async Task<PointInTimeBalance?> BalanceAtAsync(long accountId, DateTimeOffset instant, CancellationToken cancellationToken)
    {
        var account = await GetAccountAsync(accountId, cancellationToken);
        if (account is null)
        {
            return null;
        }

        var seq = await SequenceBeforeAsync(account.Key.LedgerId, instant, cancellationToken);
        return await BalanceAtSequenceAsync(accountId, seq, cancellationToken);
    }

    /// <summary>The last sequence of the ledger recorded strictly before <paramref name="instant"/> (0 when none).</summary>
    public async Task<long> SequenceBeforeAsync(int ledgerId, DateTimeOffset instant, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(SeqBeforeSql, connection);
        command.Parameters.AddWithValue("ledgerId", ledgerId);
        command.Parameters.AddWithValue("instant", instant.ToUniversalTime());
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    internal Task<List<OwnedAccount>> ListOwnedAccountsAsync(OwnerKind ownerKind, string ownerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ownerId);
        return ReadAccountsAsync(
            $"{AccountSelect} WHERE a.owner_kind = @ownerKind AND a.owner_id = @ownerId ORDER BY a.ledger_id, a.account_id",
            ("ownerKind", OwnerKinds.Name(ownerKind)), ("ownerId", ownerId), cancellationToken);
    }

    private async Task<List<OwnedAccount>> ReadAccountsAsync(string sql, (string Name, object Value) first, (string Name, object Value)? second, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue(first.Name, first.Value);
        if (second is { } extra)
        {
            command.Parameters.AddWithValue(extra.Name, extra.Value);
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var accounts = new List<OwnedAccount>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var key = new AccountKey(reader.GetInt32(1), OwnerKinds.Parse(reader.GetString(2)), reader.GetString(3), reader.GetString(4), reader.GetString(5));
            var closedAt = reader.IsDBNull(11) ? (DateTimeOffset?)null : reader.GetFieldValue<DateTimeOffset>(11);
            var account = new Account(reader.GetInt64(0), key, (AccountLimits)reader.GetInt32(6), ToBalance(JournalColumns.ReadSnapshot(reader, 7)), closedAt);
            accounts.Add(new OwnedAccount(account, reader.GetString(12)));
        }

        return accounts;
    }

    internal static AccountBalance ToBalance(BalanceSnapshot s) => new(s.DebitsPending, s.DebitsPosted, s.CreditsPending, s.CreditsPosted);
}
