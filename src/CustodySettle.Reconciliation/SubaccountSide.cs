using System.Numerics;
using CustodySettle.Chain.Contracts;
using CustodySettle.Chain.Primitives;
using static CustodySettle.Reconciliation.Reconciler;

namespace CustodySettle.Reconciliation;

/// <summary>A linked subaccount at the pinned block: cash, perp position and margin, as the report lists them.</summary>
internal sealed class SubaccountSide
{
    private readonly Func<BigInteger?> _cash;
    private readonly Func<BigInteger?> _perp;
    private readonly Func<BigInteger?> _initial;
    private readonly Func<BigInteger?> _maintenance;

    private SubaccountSide(BigInteger id, string deskId, Func<BigInteger?> cash, Func<BigInteger?> perp, Func<BigInteger?> initial, Func<BigInteger?> maintenance) =>
        (SubaccountId, DeskId, _cash, _perp, _initial, _maintenance) = (id, deskId, cash, perp, initial, maintenance);

    public BigInteger SubaccountId { get; }

    public string DeskId { get; }

    public static SubaccountSide Plan(ReadBag bag, ChainContracts contracts, string perpName, BigInteger id, string deskId) => new(
        id, deskId,
        bag.Add(contracts.SubAccounts.GetBalanceCall(id, contracts.Cash.Address, BigInteger.Zero)),
        bag.Add(contracts.SubAccounts.GetBalanceCall(id, contracts.Perp(perpName).Address, BigInteger.Zero)),
        bag.Add(contracts.Manager.GetMarginCall(id, isInitial: true)),
        bag.Add(contracts.Manager.GetMarginCall(id, isInitial: false)));

    public SubaccountFigures Figures(IEnumerable<(BigInteger Id, Func<Address?> Owner)> owners) => new(
        Text(SubaccountId), DeskId, owners.FirstOrDefault(o => o.Id == SubaccountId).Owner?.Invoke()?.ToString() ?? string.Empty,
        Show(_cash), Show(_perp), Show(_initial), Show(_maintenance));

    private static string Show(Func<BigInteger?> read) => read() is { } value ? Text(value) : string.Empty;
}
