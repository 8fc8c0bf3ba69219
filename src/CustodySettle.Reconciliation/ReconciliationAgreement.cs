using CustodySettle.Domain.Margin;
using Dapper;
using Npgsql;

namespace CustodySettle.Reconciliation;

/// <summary>
/// Agreement as reconciliation sees it: a report that began after the instant, with no unresolved
/// break about the desk (a report resolves every break it no longer observes, so none left means the
/// custodian's statement, the ledger, the custody tokens on chain and the desk's subaccounts matched),
/// and no mint or burn for the desk still in flight (sent but not yet final).
/// </summary>
public sealed class ReconciliationAgreement(NpgsqlDataSource dataSource) : ISettlementAgreement
{
    private const string Sql = """
        SELECT r.report_id AS ReportId, r.block_number AS BlockNumber,
               (SELECT count(*) FROM recon_breaks b WHERE b.desk_id = @DeskId AND b.status <> 'resolved') AS Unresolved,
               (SELECT count(*) FROM mirror_operations m WHERE m.desk_id = @DeskId AND m.status IN ('planned', 'sent')) AS InFlight
        FROM recon_reports r WHERE r.started_at >= @Since ORDER BY r.finished_at DESC LIMIT 1
        """;

    public async Task<string?> AgreementSinceAsync(string deskId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var found = await connection.QuerySingleOrDefaultAsync<Found>(new CommandDefinition(
            Sql, new { DeskId = deskId, Since = since.UtcDateTime }, cancellationToken: cancellationToken));
        return found is { Unresolved: 0, InFlight: 0 }
            ? $"ledger, chain and custodian agree: reconciliation report {found.ReportId} at block {found.BlockNumber} has no break for the desk, and no mint or burn is in flight"
            : null;
    }

    private sealed record Found(Guid ReportId, long BlockNumber, long Unresolved, long InFlight);
}
