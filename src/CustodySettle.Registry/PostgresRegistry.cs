using System.Globalization;
using System.Numerics;
using CustodySettle.Domain.Errors;
using Dapper;
using Npgsql;

namespace CustodySettle.Registry;

/// <summary>
/// Desks, custodians, assets and subaccount links on PostgreSQL. Every create is idempotent by its
/// natural id: a replay returns the stored row; the same id with another payload throws
/// <see cref="ConflictException"/> naming the first differing field. Callers validate forms first.
/// </summary>
public sealed class PostgresRegistry
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly TimeProvider _timeProvider;

    public PostgresRegistry(NpgsqlDataSource dataSource, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(timeProvider);
        (_dataSource, _timeProvider) = (dataSource, timeProvider);
    }

    /// <exception cref="ConflictException">The desk exists with another name or wallet, or the wallet is another desk's.</exception>
    public async Task<Desk> CreateDeskAsync(string deskId, string displayName, string walletAddress, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        var wallet = walletAddress.ToLowerInvariant();
        var owner = await connection.QuerySingleOrDefaultAsync<string>(
            new CommandDefinition(RegistrySql.DeskByWallet, new { WalletAddress = wallet }, cancellationToken: cancellationToken));
        if (owner is not null && owner != deskId)
        {
            throw new ConflictException($"wallet_address: already the wallet of desk '{owner}'", "wallet_address");
        }

        var row = await connection.QuerySingleAsync<DeskRow>(new CommandDefinition(
            RegistrySql.CreateDesk, new { DeskId = deskId, DisplayName = displayName, WalletAddress = wallet, Now = Now() }, cancellationToken: cancellationToken));
        var desk = row.ToDesk();
        Differs("desk", deskId, ("display_name", desk.DisplayName, displayName), ("wallet_address", desk.WalletAddress, wallet));
        return desk;
    }

    public async Task<IReadOnlyList<Desk>> ListDesksAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<DeskRow>(new CommandDefinition(RegistrySql.ListDesks, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToDesk())];
    }

    /// <exception cref="ConflictException">The custodian exists with another name.</exception>
    public async Task<Custodian> CreateCustodianAsync(string custodianId, string displayName, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleAsync<CustodianRow>(new CommandDefinition(
            RegistrySql.CreateCustodian, new { CustodianId = custodianId, DisplayName = displayName, Now = Now() }, cancellationToken: cancellationToken));
        var custodian = row.ToCustodian();
        Differs("custodian", custodianId, ("display_name", custodian.DisplayName, displayName));
        return custodian;
    }

    public async Task<IReadOnlyList<Custodian>> ListCustodiansAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<CustodianRow>(new CommandDefinition(RegistrySql.ListCustodians, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToCustodian())];
    }

    public async Task<bool> DeskExistsAsync(string deskId, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(RegistrySql.DeskExists, new { DeskId = deskId }, cancellationToken: cancellationToken));
    }

    public async Task<bool> CustodianExistsAsync(string custodianId, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>(
            new CommandDefinition(RegistrySql.CustodianExists, new { CustodianId = custodianId }, cancellationToken: cancellationToken));
    }

    /// <summary>Registers an asset with the next free ledger id (or returns it, on a replay).</summary>
    /// <exception cref="ConflictException">The asset exists with other decimals.</exception>
    public async Task<Asset> CreateAssetAsync(string assetCode, int decimals, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(RegistrySql.LockAssets, transaction: transaction, cancellationToken: cancellationToken));
        var existing = await connection.QuerySingleOrDefaultAsync<AssetRow>(
            new CommandDefinition(RegistrySql.AssetByCode, new { AssetCode = assetCode }, transaction, cancellationToken: cancellationToken));
        if (existing is not null)
        {
            var asset = existing.ToAsset();
            Differs("asset", assetCode, ("decimals", asset.Decimals.ToString(CultureInfo.InvariantCulture), decimals.ToString(CultureInfo.InvariantCulture)));
            return asset;
        }

        var created = (await connection.QuerySingleAsync<AssetRow>(new CommandDefinition(
            RegistrySql.InsertAsset, new { AssetCode = assetCode, Decimals = (short)decimals, Now = Now() }, transaction, cancellationToken: cancellationToken))).ToAsset();
        await connection.ExecuteAsync(new CommandDefinition(RegistrySql.InsertHead, new { created.LedgerId }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return created;
    }

    public async Task<Asset?> GetAssetAsync(string assetCode, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<AssetRow>(
            new CommandDefinition(RegistrySql.AssetByCode, new { AssetCode = assetCode }, cancellationToken: cancellationToken));
        return row?.ToAsset();
    }

    public async Task<IReadOnlyList<Asset>> ListAssetsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<AssetRow>(new CommandDefinition(RegistrySql.ListAssets, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToAsset())];
    }

    /// <exception cref="NotFoundException">No such desk.</exception>
    /// <exception cref="ConflictException">The subaccount belongs to another desk.</exception>
    public async Task<SubaccountLink> LinkSubaccountAsync(BigInteger subaccountId, string deskId, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        var id = subaccountId.ToString(CultureInfo.InvariantCulture);
        var row = await connection.QuerySingleOrDefaultAsync<SubaccountRow>(new CommandDefinition(
            RegistrySql.LinkSubaccount, new { SubaccountId = id, DeskId = deskId, Now = Now() }, cancellationToken: cancellationToken))
            ?? throw new NotFoundException($"desk_id: no desk '{deskId}'");
        var link = row.ToLink();
        Differs("subaccount", id, ("desk_id", link.DeskId, deskId));
        return link;
    }

    /// <summary>Every link, or one desk's.</summary>
    public async Task<IReadOnlyList<SubaccountLink>> ListSubaccountsAsync(string? deskId, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<SubaccountRow>(
            new CommandDefinition(RegistrySql.ListSubaccounts, new { DeskId = deskId }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToLink())];
    }

    private static void Differs(string what, string id, params (string Field, string Stored, string Requested)[] fields)
    {
        foreach (var (field, stored, requested) in fields)
        {
            if (!string.Equals(stored, requested, StringComparison.Ordinal))
            {
                throw new ConflictException($"{what} '{id}' already exists with another {field}", field);
            }
        }
    }

    private DateTime Now() => _timeProvider.GetUtcNow().UtcDateTime;

    private static DateTimeOffset Utc(DateTime time) => new(DateTime.SpecifyKind(time, DateTimeKind.Utc));

    private sealed record DeskRow(string DeskId, string DisplayName, string WalletAddress, DateTime CreatedAt)
    {
        public Desk ToDesk() => new(DeskId, DisplayName, WalletAddress, Utc(CreatedAt));
    }

    private sealed record CustodianRow(string CustodianId, string DisplayName, DateTime CreatedAt)
    {
        public Custodian ToCustodian() => new(CustodianId, DisplayName, Utc(CreatedAt));
    }

    private sealed record AssetRow(string AssetCode, short Decimals, int LedgerId, DateTime CreatedAt)
    {
        public Asset ToAsset() => new(AssetCode, Decimals, LedgerId, Utc(CreatedAt));
    }

    private sealed record SubaccountRow(string SubaccountId, string DeskId, DateTime CreatedAt)
    {
        public SubaccountLink ToLink() => new(BigInteger.Parse(SubaccountId, NumberStyles.None, CultureInfo.InvariantCulture), DeskId, Utc(CreatedAt));
    }
}
