using System.Globalization;
using System.Numerics;
using CustodySettle.Chain.Primitives;
using Dapper;
using Npgsql;

namespace CustodySettle.Reconciliation;

/// <summary>
/// The service's side of a reconciliation, read in one REPEATABLE READ transaction so the ledger, the
/// statements and the mirror's outbox are seen at one instant.
/// </summary>
internal sealed class ReconciliationSources(NpgsqlDataSource dataSource)
{
    private const string TargetsSql = """
        SELECT d.desk_id AS DeskId, d.wallet_address AS Holder, a.custodian_id AS CustodianId, a.ledger_id AS LedgerId,
               s.asset_code AS Asset, s.decimals AS Decimals, sum(a.credits_posted - a.debits_posted)::text AS Held, h.seq AS JournalSequence,
               st.statement_id AS StatementId, st.balance AS StatementBalance,
               EXISTS (SELECT 1 FROM mirror_operations m WHERE m.desk_id = d.desk_id AND m.custodian_id = a.custodian_id
                       AND m.ledger_id = a.ledger_id AND m.status IN ('planned', 'sent')) AS MirrorInFlight
        FROM ledger_accounts a
        JOIN registry_desks d ON a.owner_kind = 'desk' AND d.desk_id = a.owner_id
        JOIN registry_custodians c ON c.custodian_id = a.custodian_id
        JOIN ledger_assets s ON s.ledger_id = a.ledger_id
        JOIN ledger_journal_heads h ON h.ledger_id = a.ledger_id
        LEFT JOIN LATERAL (
            SELECT l.statement_id, l.balance::text AS balance
            FROM custody_statement_lines l JOIN custody_statements cs USING (custodian_id, statement_id)
            WHERE l.custodian_id = a.custodian_id AND l.desk_id = d.desk_id AND l.ledger_id = a.ledger_id
              AND cs.status = 'applied' AND l.effect <> 'superseded'
            ORDER BY cs.as_of DESC, cs.received_at DESC LIMIT 1) st ON true
        GROUP BY d.desk_id, d.wallet_address, a.custodian_id, a.ledger_id, s.asset_code, s.decimals, h.seq, st.statement_id, st.balance
        ORDER BY d.desk_id, a.custodian_id, a.ledger_id
        """;

    // A custodian holding collateral for any desk, with its latest applied statement's time (null: none yet).
    private const string CustodiansSql = """
        SELECT a.custodian_id AS CustodianId, (SELECT max(as_of) FROM custody_statements s WHERE s.custodian_id = a.custodian_id AND s.status = 'applied') AS LatestAsOf
        FROM ledger_accounts a JOIN registry_custodians c ON c.custodian_id = a.custodian_id
        WHERE a.owner_kind = 'desk'
        GROUP BY a.custodian_id
        HAVING sum(a.credits_posted - a.debits_posted) <> 0
        ORDER BY a.custodian_id
        """;

    private const string SubaccountsSql = """
        SELECT r.subaccount_id::text AS SubaccountId, r.desk_id AS DeskId, d.wallet_address AS Wallet
        FROM registry_subaccounts r JOIN registry_desks d USING (desk_id) ORDER BY r.subaccount_id
        """;

    private const string WalletsSql = "SELECT wallet_address AS Wallet, desk_id AS DeskId FROM registry_desks";

    public async Task<Snapshot> ReadAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        var targets = await connection.QueryAsync<TargetRow>(new CommandDefinition(TargetsSql, transaction: transaction, cancellationToken: ct));
        var custodians = await connection.QueryAsync<(string CustodianId, DateTime? LatestAsOf)>(new CommandDefinition(CustodiansSql, transaction: transaction, cancellationToken: ct));
        var subaccounts = await connection.QueryAsync<(string SubaccountId, string DeskId, string Wallet)>(new CommandDefinition(SubaccountsSql, transaction: transaction, cancellationToken: ct));
        var wallets = await connection.QueryAsync<(string Wallet, string DeskId)>(new CommandDefinition(WalletsSql, transaction: transaction, cancellationToken: ct));
        await transaction.CommitAsync(ct);
        return new Snapshot(
            [.. targets.Select(t => t.ToSide())],
            [.. custodians.Select(c => (c.CustodianId, c.LatestAsOf is { } t ? new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)) : (DateTimeOffset?)null))],
            [.. subaccounts.Select(s => (Parse(s.SubaccountId), s.DeskId, Address.Parse(s.Wallet)))],
            wallets.ToDictionary(w => Address.Parse(w.Wallet), w => w.DeskId));
    }

    private static BigInteger Parse(string value) => BigInteger.Parse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    /// <summary>Everything the run compares against the chain.</summary>
    internal sealed record Snapshot(
        IReadOnlyList<LedgerSide> Targets,
        IReadOnlyList<(string CustodianId, DateTimeOffset? LatestAsOf)> Custodians,
        IReadOnlyList<(BigInteger SubaccountId, string DeskId, Address Wallet)> Subaccounts,
        IReadOnlyDictionary<Address, string> DeskByWallet);

    private sealed record TargetRow(
        string DeskId, string Holder, string CustodianId, int LedgerId, string Asset, short Decimals, string Held, long JournalSequence,
        string? StatementId, string? StatementBalance, bool MirrorInFlight)
    {
        public LedgerSide ToSide() => new(
            DeskId, Address.Parse(Holder), CustodianId, LedgerId, Asset, Decimals, Parse(Held), JournalSequence, StatementId,
            StatementBalance is null ? null : Parse(StatementBalance), MirrorInFlight);
    }
}
