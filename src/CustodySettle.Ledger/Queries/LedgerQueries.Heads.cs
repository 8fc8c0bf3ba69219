using Dapper;

namespace CustodySettle.Ledger.Queries;

/// <summary>Journal heads, which an auditor keeps to prove later that nothing before them changed.</summary>
public sealed partial class LedgerQueries
{
    private const string HeadsSql = "SELECT ledger_id AS LedgerId, seq AS Seq, hash AS Hash FROM ledger_journal_heads ORDER BY ledger_id";

    public async Task<IReadOnlyList<LedgerHeadSnapshot>> ListHeadsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        return [.. await connection.QueryAsync<LedgerHeadSnapshot>(new CommandDefinition(HeadsSql, cancellationToken: cancellationToken))];
    }
}
