using System.Globalization;
using System.Numerics;
using Dapper;
using Npgsql;

namespace CustodySettle.Custody.Statements;

/// <summary>Statements and their lines on PostgreSQL, and the ledger figure a line is compared with.</summary>
public sealed class PostgresStatementStore(NpgsqlDataSource dataSource)
{
    public async Task<StatementResult?> GetAsync(string custodianId, string statementId, CancellationToken cancellationToken) =>
        (await GetWithHashAsync(custodianId, statementId, cancellationToken))?.Result;

    /// <summary>Newest as-of first, without lines.</summary>
    public async Task<IReadOnlyList<StatementResult>> ListAsync(string custodianId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<StatementHeaderRow>(
            new CommandDefinition(StatementSql.List, new { CustodianId = custodianId }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToResult([]))];
    }

    internal async Task<(StatementResult Result, byte[] RequestHash)?> GetWithHashAsync(string custodianId, string statementId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var key = new { CustodianId = custodianId, StatementId = statementId };
        var header = await connection.QuerySingleOrDefaultAsync<StatementHeaderRow>(new CommandDefinition(StatementSql.Header, key, cancellationToken: cancellationToken));
        if (header is null)
        {
            return null;
        }

        var lines = await connection.QueryAsync<StatementLineRow>(new CommandDefinition(StatementSql.Lines, key, cancellationToken: cancellationToken));
        return (header.ToResult([.. lines.Select(l => l.ToResult())]), header.RequestHash);
    }

    internal async Task<DateTimeOffset?> LatestAppliedAsOfAsync(string custodianId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var latest = await connection.ExecuteScalarAsync<DateTime?>(
            new CommandDefinition(StatementSql.LatestAppliedAsOf, new { CustodianId = custodianId }, cancellationToken: cancellationToken));
        return latest is { } time ? StatementHeaderRow.Utc(time) : null;
    }

    internal async Task<BigInteger> HeldByDeskAsync(int ledgerId, string deskId, string custodianId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var held = await connection.ExecuteScalarAsync<string>(new CommandDefinition(
            StatementSql.HeldByDesk, new { LedgerId = ledgerId, DeskId = deskId, CustodianId = custodianId }, cancellationToken: cancellationToken));
        return BigInteger.Parse(held!, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
    }

    /// <summary>Stores a statement as planned, with every line, in one transaction.</summary>
    internal async Task InsertPlannedAsync(StatementReport report, byte[] requestHash, DateTimeOffset receivedAt, IReadOnlyList<StatementLineResult> lines, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(StatementSql.InsertHeader, new
        {
            report.CustodianId, report.StatementId, AsOf = report.AsOf.UtcDateTime, ReceivedAt = receivedAt.UtcDateTime, RequestHash = requestHash,
        }, transaction, cancellationToken: cancellationToken));
        foreach (var line in lines)
        {
            await connection.ExecuteAsync(new CommandDefinition(StatementSql.InsertLine, new
            {
                report.CustodianId, report.StatementId, line.LineNo, line.Line.DeskId, line.LedgerId, Balance = Text(line.Line.Balance), line.Line.Reference,
                LedgerBalanceBefore = Text(line.LedgerBalanceBefore), Delta = Text(line.Delta), Effect = Name(line.Effect), line.TransferId, line.Detail,
            }, transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Records each line's outcome and marks the statement applied, in one transaction.</summary>
    internal async Task CompleteAsync(string custodianId, string statementId, IReadOnlyList<StatementLineResult> lines, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var line in lines)
        {
            await connection.ExecuteAsync(new CommandDefinition(StatementSql.CompleteLine, new
            {
                CustodianId = custodianId, StatementId = statementId, line.LineNo, Effect = Name(line.Effect), line.JournalSeq, line.Detail,
            }, transaction, cancellationToken: cancellationToken));
        }

        await connection.ExecuteAsync(new CommandDefinition(
            StatementSql.MarkApplied, new { CustodianId = custodianId, StatementId = statementId }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    private static string Text(BigInteger value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Name(LineEffect effect) => effect.ToString().ToLowerInvariant();
}
