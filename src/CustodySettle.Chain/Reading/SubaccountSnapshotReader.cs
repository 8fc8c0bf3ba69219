using System.Numerics;
using CustodySettle.Chain.Contracts;
using CustodySettle.Chain.Rpc;

namespace CustodySettle.Chain.Reading;

/// <summary>
/// Reads the state the settlement service margins subaccounts by (docs/contracts.md, StandardManager):
/// per account its perp position, cash, custody collateral, the custody token's wallet balance, initial
/// and maintenance margin, and unsettled perp cash, all in one <see cref="BatchedReader"/> read pinned to
/// one block. An account whose calls fail gets an error entry; the others are unaffected.
/// </summary>
public sealed class SubaccountSnapshotReader
{
    private readonly ChainContracts _contracts;
    private readonly BatchedReader _reader;

    public SubaccountSnapshotReader(ChainContracts contracts, BatchedReader reader)
    {
        ArgumentNullException.ThrowIfNull(contracts);
        ArgumentNullException.ThrowIfNull(reader);
        (_contracts, _reader) = (contracts, reader);
    }

    /// <summary>Reads every query at <paramref name="block"/> (the head when null).</summary>
    public async Task<SubaccountSnapshot> ReadAsync(IReadOnlyList<SubaccountQuery> queries, BlockTag? block, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(queries);
        var plans = queries.Select(Plan).ToList();
        var calls = plans.SelectMany(p => p.Calls).ToList();
        var read = await _reader.ReadAsync(calls, block, ct).ConfigureAwait(false);
        var readings = new List<SubaccountReading>(plans.Count);
        var next = 0;
        foreach (var plan in plans)
        {
            readings.Add(plan.Complete(read.Results, next));
            next += plan.Calls.Count;
        }

        return new SubaccountSnapshot(read.BlockNumber, read.BlockHash, readings, read.RoundTrips);
    }

    private SubaccountPlan Plan(SubaccountQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var sub = _contracts.SubAccounts;
        var reads = new List<ContractRead<BigInteger>>
        {
            sub.GetBalanceCall(query.AccountId, query.Perp, BigInteger.Zero),
            sub.GetBalanceCall(query.AccountId, _contracts.Cash.Address, BigInteger.Zero),
            _contracts.Manager.GetMarginCall(query.AccountId, isInitial: true),
            _contracts.Manager.GetMarginCall(query.AccountId, isInitial: false),
            _contracts.Perp(query.Perp).GetUnsettledAndUnrealizedCashCall(query.AccountId),
        };
        if (query.CustodyToken is { } token)
        {
            var holder = query.Holder ?? throw new ArgumentException($"Account {query.AccountId} has a custody token but no holder.", nameof(query));
            reads.Add(sub.GetBalanceCall(query.AccountId, _contracts.Collateral.Address, CustodyCollateralAssetContract.SubIdOf(token)));
            reads.Add(_contracts.CustodyToken(token).BalanceOfCall(holder));
        }

        return new SubaccountPlan(query, reads);
    }
}
