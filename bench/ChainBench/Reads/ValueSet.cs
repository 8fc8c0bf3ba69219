using System.Numerics;
using ChainBench.Seeding;
using CustodySettle.Chain.Contracts;

namespace ChainBench.Reads;

/// <summary>
/// Which values are read per subaccount, in order, and the binding reads that fetch them. Both paths of
/// a case use the same reads (target, call data, decoding), so they compare like with like.
/// </summary>
internal sealed class ValueSet(string name, IReadOnlyList<string> values, Func<SeededAccount, IReadOnlyList<ContractRead<BigInteger>>> reads)
{
    public string Name { get; } = name;

    public IReadOnlyList<string> Values { get; } = values;

    public IReadOnlyList<ContractRead<BigInteger>> Reads(SeededAccount account) => reads(account);

    /// <summary>
    /// What SubaccountSnapshotReader reads, in its order: perp position, cash, initial and maintenance
    /// margin, unsettled perp cash, custody collateral, the custody token's wallet balance.
    /// </summary>
    public static ValueSet Snapshot(ChainContracts c) => new(
        "snapshot",
        ["perp_position", "cash", "initial_margin", "maintenance_margin", "unsettled_cash", "collateral", "token_balance"],
        a =>
        [
            c.SubAccounts.GetBalanceCall(a.AccountId, c.PerpBtc.Address, BigInteger.Zero),
            c.SubAccounts.GetBalanceCall(a.AccountId, c.Cash.Address, BigInteger.Zero),
            c.Manager.GetMarginCall(a.AccountId, isInitial: true),
            c.Manager.GetMarginCall(a.AccountId, isInitial: false),
            c.PerpBtc.GetUnsettledAndUnrealizedCashCall(a.AccountId),
            c.SubAccounts.GetBalanceCall(a.AccountId, c.Collateral.Address, CustodyCollateralAssetContract.SubIdOf(a.Token)),
            c.CustodyToken(a.Token).BalanceOfCall(a.Holder),
        ]);

    /// <summary>The four values: perp position, cash, the custody token's wallet balance, initial margin.</summary>
    public static ValueSet Four(ChainContracts c) => new(
        "four",
        ["perp_position", "cash", "token_balance", "initial_margin"],
        a =>
        [
            c.SubAccounts.GetBalanceCall(a.AccountId, c.PerpBtc.Address, BigInteger.Zero),
            c.SubAccounts.GetBalanceCall(a.AccountId, c.Cash.Address, BigInteger.Zero),
            c.CustodyToken(a.Token).BalanceOfCall(a.Holder),
            c.Manager.GetMarginCall(a.AccountId, isInitial: true),
        ]);
}
