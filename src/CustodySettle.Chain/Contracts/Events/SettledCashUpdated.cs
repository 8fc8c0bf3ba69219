using System.Numerics;

namespace CustodySettle.Chain.Contracts.Events;

/// <summary>CashAsset <c>SettledCashUpdated(int amountChanged, int netSettledCash)</c>: perp PnL settled into cash.</summary>
public sealed record SettledCashUpdated(BigInteger AmountChanged, BigInteger NetSettledCash) : ContractEvent;
