using System.Numerics;

namespace CustodySettle.Chain.Contracts;

/// <summary>
/// <c>PerpAsset.positions(accountId)</c>: the price the position was last marked at, funding and PnL
/// realized but not yet settled into cash, and the aggregated funding when funding was last applied
/// (all 18-decimal fixed point; docs/contracts.md, PerpAsset).
/// </summary>
public sealed record PerpPosition(BigInteger LastMarkPrice, BigInteger Funding, BigInteger Pnl, BigInteger LastAggregatedFunding);
