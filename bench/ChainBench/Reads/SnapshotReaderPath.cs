using System.Numerics;
using ChainBench.Seeding;
using CustodySettle.Chain.Primitives;
using CustodySettle.Chain.Reading;
using CustodySettle.Chain.Rpc;

namespace ChainBench.Reads;

/// <summary>
/// <see cref="SubaccountSnapshotReader"/> as the settlement service would call it: one query per
/// subaccount (its perp, custody token and holder), values in <see cref="ValueSet.Snapshot"/>'s order.
/// </summary>
internal sealed class SnapshotReaderPath(SubaccountSnapshotReader reader, Address perp) : IReadPath
{
    public string Name => "batched";

    public async Task<PathRead> ReadAsync(IReadOnlyList<SeededAccount> accounts, long block, CancellationToken ct)
    {
        var queries = accounts.Select(a => new SubaccountQuery(a.AccountId, perp, a.Token, a.Holder)).ToList();
        var snapshot = await reader.ReadAsync(queries, BlockTag.At(block), ct);
        if (snapshot.BlockNumber != block)
        {
            throw new InvalidOperationException($"The reader read block {snapshot.BlockNumber}, not {block}.");
        }

        var values = snapshot.Accounts.Select(reading => reading.State is { } s
            ? new[] { s.PerpPosition, s.Cash, s.InitialMargin, s.MaintenanceMargin, s.UnsettledAndUnrealizedCash, Required(s.Collateral), Required(s.CustodyTokenBalance) }
            : throw new InvalidOperationException($"Account {reading.Query.AccountId}: {reading.Error}")).ToArray();
        return new PathRead(values, snapshot.RoundTrips);
    }

    private static BigInteger Required(BigInteger? value) => value ?? throw new InvalidOperationException("A token balance is missing.");
}
