using System.Numerics;

namespace CustodySettle.Chain.Contracts.Events;

/// <summary>PerpAsset <c>PositionSettled(uint indexed account, int pnlChange, int totalPnl, uint perpPrice)</c>: a position marked to market.</summary>
public sealed record PositionSettled(BigInteger AccountId, BigInteger PnlChange, BigInteger TotalPnl, BigInteger PerpPrice) : ContractEvent;
