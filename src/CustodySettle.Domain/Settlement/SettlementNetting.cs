using System.Numerics;

namespace CustodySettle.Domain.Settlement;

/// <summary>
/// Nets a cycle's <see cref="PerpSettlement"/> events per desk. The sum is exact at 18 decimals; it is
/// converted to the settlement asset's smallest unit once per desk (not per event, which would round
/// each event and let the errors add up), and the rounding goes against the desk: what it receives is
/// rounded down, what it pays is rounded up. A venue therefore never pays out more than it took in.
/// </summary>
public static class SettlementNetting
{
    /// <summary>Derive's fixed-point scale for PnL and funding (18 decimals).</summary>
    public const int SourceDecimals = 18;

    /// <summary>Each desk's net (ordinal order of desk id) and the events of subaccounts no desk is linked to.</summary>
    public static (IReadOnlyList<DeskNet> Desks, IReadOnlyList<PerpSettlement> Unattributed) Net(
        IEnumerable<PerpSettlement> events, IReadOnlyDictionary<BigInteger, string> deskOfSubaccount, int assetDecimals)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(deskOfSubaccount);
        var byDesk = new SortedDictionary<string, List<PerpSettlement>>(StringComparer.Ordinal);
        var unattributed = new List<PerpSettlement>();
        foreach (var e in events)
        {
            if (deskOfSubaccount.TryGetValue(e.SubaccountId, out var desk))
            {
                if (!byDesk.TryGetValue(desk, out var list))
                {
                    byDesk[desk] = list = [];
                }

                list.Add(e);
            }
            else
            {
                unattributed.Add(e);
            }
        }

        var desks = byDesk.Select(pair =>
        {
            var pnl = pair.Value.Aggregate(BigInteger.Zero, (sum, e) => sum + e.Pnl);
            var funding = pair.Value.Aggregate(BigInteger.Zero, (sum, e) => sum + e.Funding);
            return new DeskNet(pair.Key, pnl, funding, ToAssetUnits(pnl + funding, assetDecimals), pair.Value);
        }).ToList();
        return (desks, unattributed);
    }

    /// <summary>
    /// <paramref name="amount18"/> (signed, 18 decimals) in units of 10^-<paramref name="decimals"/>: a
    /// positive amount (the desk receives) rounded toward zero, a negative one (the desk pays) away from it.
    /// </summary>
    public static BigInteger ToAssetUnits(BigInteger amount18, int decimals)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        if (decimals >= SourceDecimals)
        {
            return amount18 * BigInteger.Pow(10, decimals - SourceDecimals);
        }

        var scale = BigInteger.Pow(10, SourceDecimals - decimals);
        var quotient = BigInteger.DivRem(amount18, scale, out var remainder); // truncates toward zero
        return remainder.Sign < 0 ? quotient - 1 : quotient;
    }
}
