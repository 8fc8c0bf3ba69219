using System.Globalization;
using System.Numerics;
using Dapper;
using Npgsql;

namespace CustodySettle.Margin.Holdings;

/// <summary>
/// Which custodian holds most of each desk's asset (posted, in the ledger): where a return call's
/// collateral comes back from, and which custodian a settlement instruction goes to. One rule for both:
/// the largest holding, ties to the lowest custodian id; a desk holding none has no entry.
/// </summary>
public static class LargestHoldings
{
    private const string Sql = """
        SELECT DISTINCT ON (a.owner_id) a.owner_id AS DeskId, a.custodian_id AS CustodianId, sum(a.credits_posted - a.debits_posted)::text AS Held
        FROM ledger_accounts a JOIN ledger_assets s USING (ledger_id)
        WHERE a.owner_kind = 'desk' AND s.asset_code = @AssetCode AND a.owner_id = ANY(@DeskIds)
        GROUP BY a.owner_id, a.custodian_id HAVING sum(a.credits_posted - a.debits_posted) > 0
        ORDER BY a.owner_id, sum(a.credits_posted - a.debits_posted) DESC, a.custodian_id
        """;

    /// <summary>Each desk's largest holding of <paramref name="assetCode"/>: its custodian and the amount.</summary>
    public static async Task<IReadOnlyDictionary<string, (string CustodianId, BigInteger Held)>> ReadAsync(
        NpgsqlDataSource dataSource, string assetCode, IReadOnlyCollection<string> deskIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(deskIds);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<(string DeskId, string CustodianId, string Held)>(new CommandDefinition(
            Sql, new { AssetCode = assetCode, DeskIds = deskIds.ToArray() }, cancellationToken: ct));
        return rows.ToDictionary(r => r.DeskId, r => (r.CustodianId, BigInteger.Parse(r.Held, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture)), StringComparer.Ordinal);
    }
}
