using System.Globalization;
using CustodySettle.Database;
using CustodySettle.Domain.Errors;
using CustodySettle.Domain.Margin;
using CustodySettle.Registry;
using Dapper;
using Npgsql;

namespace CustodySettle.Margin.Terms;

/// <summary>
/// Desks' credit support terms and assets' haircuts as append-only histories on PostgreSQL: a change is
/// a new version effective from now (versions numbered under a lock, so two changes at once get two
/// versions), a retry of the same request id returns the same version, and any past instant's terms
/// are one indexed lookup away.
/// </summary>
public sealed class PostgresCreditTermsStore(NpgsqlDataSource dataSource, PostgresRegistry registry, TimeProvider time)
{
    /// <exception cref="NotFoundException">The desk or the settlement asset does not exist.</exception>
    /// <exception cref="ConflictException">The request id set other terms.</exception>
    public async Task<DeskTerms> SetAsync(Guid requestId, string deskId, string settlementAsset, CreditSupportTerms terms, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(terms);
        terms.Validated();
        var ct = cancellationToken;
        if (!await registry.DeskExistsAsync(deskId, ct))
        {
            throw new NotFoundException($"terms.desk_id: no desk '{deskId}'");
        }

        var asset = await registry.GetAssetAsync(settlementAsset, ct) ?? throw new NotFoundException($"terms.settlement_asset: no asset '{settlementAsset}'");
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(TermsSql.LockDesk, new { DeskId = deskId }, transaction, cancellationToken: ct));
        var stored = await connection.QuerySingleOrDefaultAsync<TermsRow>(new CommandDefinition(TermsSql.ByRequest, new { RequestId = requestId }, transaction, cancellationToken: ct));
        if (stored is null)
        {
            await connection.ExecuteAsync(new CommandDefinition(TermsSql.Insert, new
            {
                DeskId = deskId, Now = Now(), RequestId = requestId, asset.LedgerId, IndependentAmount = Text(terms.IndependentAmount), Threshold = Text(terms.Threshold),
                MinimumTransferAmount = Text(terms.MinimumTransferAmount), RoundingUnit = Text(terms.RoundingUnit), terms.DeliveryDeadline, terms.CurePeriod,
            }, transaction, cancellationToken: ct));
            stored = await connection.QuerySingleAsync<TermsRow>(new CommandDefinition(TermsSql.ByRequest, new { RequestId = requestId }, transaction, cancellationToken: ct));
        }

        await transaction.CommitAsync(ct);
        var result = stored.ToTerms();
        var field = result.DeskId != deskId ? "desk_id" : result.SettlementAsset != settlementAsset ? "settlement_asset" : Differing(result.Terms, terms);
        return field is null ? result : throw new ConflictException($"request_id {requestId} set other terms (terms.{field} differs)", $"terms.{field}");
    }

    /// <summary>The version in force at <paramref name="instant"/>; null before the desk's first terms.</summary>
    public async Task<DeskTerms?> AtAsync(string deskId, DateTimeOffset instant, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<TermsRow>(new CommandDefinition(
            TermsSql.At, new { DeskId = deskId, At = instant.UtcDateTime }, cancellationToken: cancellationToken));
        return row?.ToTerms();
    }

    /// <summary>Every desk's version in force at <paramref name="instant"/> (desks without terms yet are absent).</summary>
    public async Task<IReadOnlyDictionary<string, DeskTerms>> AllAtAsync(DateTimeOffset instant, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<TermsRow>(new CommandDefinition(TermsSql.AllAt, new { At = instant.UtcDateTime }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToTerms()).ToDictionary(t => t.DeskId, StringComparer.Ordinal);
    }

    public async Task<IReadOnlyList<DeskTerms>> HistoryAsync(string deskId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<TermsRow>(new CommandDefinition(TermsSql.History, new { DeskId = deskId }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToTerms())];
    }

    /// <exception cref="NotFoundException">The asset does not exist.</exception>
    /// <exception cref="ConflictException">The request id set another haircut.</exception>
    public async Task<HaircutVersion> SetHaircutAsync(Guid requestId, string assetCode, int valuationBps, CancellationToken cancellationToken)
    {
        if (valuationBps is < 0 or > 10_000)
        {
            throw new InvalidFieldException("valuation_bps", "must be from 0 to 10000");
        }

        var ct = cancellationToken;
        var asset = await registry.GetAssetAsync(assetCode, ct) ?? throw new NotFoundException($"asset: no asset '{assetCode}'");
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(TermsSql.LockHaircuts, transaction: transaction, cancellationToken: ct));
        var stored = await connection.QuerySingleOrDefaultAsync<HaircutRow>(new CommandDefinition(TermsSql.HaircutByRequest, new { RequestId = requestId }, transaction, cancellationToken: ct));
        if (stored is null)
        {
            await connection.ExecuteAsync(new CommandDefinition(TermsSql.InsertHaircut, new
            {
                asset.LedgerId, Now = Now(), RequestId = requestId, ValuationBps = valuationBps,
            }, transaction, cancellationToken: ct));
            stored = await connection.QuerySingleAsync<HaircutRow>(new CommandDefinition(TermsSql.HaircutByRequest, new { RequestId = requestId }, transaction, cancellationToken: ct));
        }

        await transaction.CommitAsync(ct);
        var result = stored.ToHaircut();
        var field = result.AssetCode != assetCode ? "asset" : result.ValuationBps != valuationBps ? "valuation_bps" : null;
        return field is null ? result : throw new ConflictException($"request_id {requestId} set another haircut ({field} differs)", field);
    }

    /// <summary>Every asset's valuation percentage in force at <paramref name="instant"/> (assets never given one are absent: not eligible).</summary>
    public async Task<IReadOnlyList<HaircutVersion>> HaircutsAtAsync(DateTimeOffset instant, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<HaircutRow>(new CommandDefinition(TermsSql.HaircutsAt, new { At = instant.UtcDateTime }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToHaircut())];
    }

    private static string? Differing(CreditSupportTerms stored, CreditSupportTerms asked) =>
        stored.IndependentAmount != asked.IndependentAmount ? "independent_amount"
        : stored.Threshold != asked.Threshold ? "threshold"
        : stored.MinimumTransferAmount != asked.MinimumTransferAmount ? "minimum_transfer_amount"
        : stored.RoundingUnit != asked.RoundingUnit ? "rounding_unit"
        : stored.DeliveryDeadline != asked.DeliveryDeadline ? "delivery_deadline"
        : stored.CurePeriod != asked.CurePeriod ? "cure_period"
        : null;

    private static string Text(System.Numerics.BigInteger value) => value.ToString(CultureInfo.InvariantCulture);

    private DateTime Now() => PostgresTime.ToMicroseconds(time.GetUtcNow().UtcDateTime);
}
