using System.Globalization;
using System.Numerics;
using CustodySettle.Chain.Contracts;
using CustodySettle.Chain.Primitives;
using CustodySettle.Domain.Margin;
using static CustodySettle.Reconciliation.Reconciler;

namespace CustodySettle.Reconciliation;

/// <summary>
/// The service's own figure of a linked subaccount's initial margin against the venue's
/// <c>getMargin(initial)</c> at the same block (issue 7: "a difference beyond a tolerance is a
/// reconciliation break"). The service's figure uses the venue's balances and prices but the service's
/// own perp rate (<see cref="MarginRates.Initial"/>, the one its margin calls use): cash at par, custody
/// collateral at the manager's spot and margin factor, each perp at -|size| x mark x rate, plus each
/// perp's unsettled and unrealized cash. A venue that changed its rates, or margins a position the
/// service does not see, differs from it, and the calls the service issues would then be wrong.
/// </summary>
internal sealed class MarginCheck
{
    private readonly Func<IReadOnlyList<AssetBalance>?> _balances;
    private readonly Func<BigInteger?> _venue;
    private readonly List<Func<BigInteger?>> _unsettled;
    private readonly Dictionary<BigInteger, Func<(BigInteger Spot, BigInteger MarginFactor)?>> _collateral = [];

    private MarginCheck(BigInteger id, string deskId, Func<IReadOnlyList<AssetBalance>?> balances, Func<BigInteger?> venue, List<Func<BigInteger?>> unsettled) =>
        (SubaccountId, DeskId, _balances, _venue, _unsettled) = (id, deskId, balances, venue, unsettled);

    public BigInteger SubaccountId { get; }

    public string DeskId { get; }

    public static MarginCheck Plan(ReadBag bag, ChainContracts contracts, IReadOnlyList<PerpAssetContract> perps, BigInteger id, string deskId) => new(
        id, deskId,
        bag.AddObject(contracts.SubAccounts.GetAccountBalancesCall(id)),
        bag.Add(contracts.Manager.GetMarginCall(id, isInitial: true)),
        [.. perps.Select(p => bag.Add(p.GetUnsettledAndUnrealizedCashCall(id)))]);

    /// <summary>After the balances are read: the collateral parameters of each custody collateral subId held.</summary>
    public void PlanCollateral(ReadBag bag, ChainContracts contracts)
    {
        foreach (var balance in _balances() ?? [])
        {
            if (balance.Asset == contracts.Collateral.Address && !_collateral.ContainsKey(balance.SubId))
            {
                _collateral[balance.SubId] = bag.Add(contracts.Manager.CollateralParamsCall(balance.SubId));
            }
        }
    }

    /// <summary>A break when the two figures differ by more than <paramref name="tolerance"/> (18 decimals); none when a read failed (the subaccount line shows it).</summary>
    public Observation? Compare(ChainContracts contracts, IReadOnlyDictionary<Address, BigInteger> marks, BigInteger tolerance, Evidence block)
    {
        if (_balances() is not { } balances || _venue() is not { } venue || _unsettled.Any(u => u() is null))
        {
            return null;
        }

        var ours = _unsettled.Aggregate(BigInteger.Zero, (sum, u) => sum + u()!.Value);
        var terms = new List<string>();
        foreach (var b in balances)
        {
            if (b.Asset == contracts.Cash.Address)
            {
                ours += b.Balance;
            }
            else if (b.Asset == contracts.Collateral.Address && _collateral.GetValueOrDefault(b.SubId)?.Invoke() is { } p)
            {
                ours += b.Balance.Sign <= 0 ? b.Balance : b.Balance * p.Spot / FixedPoint.One18 * p.MarginFactor / FixedPoint.One18;
            }
            else if (marks.TryGetValue(b.Asset, out var mark))
            {
                // Rounded against the desk, as the requirement of a call is: up.
                var requirement = FixedPoint.CeilDiv(BigInteger.Abs(b.Balance) * mark * MarginRates.Initial, FixedPoint.One18 * FixedPoint.One18);
                ours -= requirement;
                terms.Add(string.Create(CultureInfo.InvariantCulture, $"{b.Asset}: {b.Balance} at {mark}"));
            }
            else
            {
                return null; // an asset the check cannot value: the venue's own margin would have reverted on it
            }
        }

        if (BigInteger.Abs(ours - venue) <= tolerance)
        {
            return null;
        }

        var subaccount = Text(SubaccountId);
        return new Observation(BreakType.MarginMismatch, DeskId, string.Empty, string.Empty, subaccount, Text(ours), Text(venue), block with
        {
            SubaccountId = subaccount,
            Detail = string.Create(CultureInfo.InvariantCulture,
                $"initial margin of subaccount {subaccount}: the service computes {ours} at its perp rate {MarginRates.Initial} ({string.Join(", ", terms)}); the venue's getMargin says {venue}, {ours - venue} apart, beyond the tolerance of {tolerance}"),
        });
    }
}
