using System.Numerics;

namespace CustodySettle.Domain.Settlement;

/// <summary>
/// What one desk's subaccounts realized over a cycle: PnL and funding summed at 18 decimals, and
/// <see cref="Net"/>, the amount that moves, in the settlement asset's smallest unit (positive: the
/// desk receives).
/// </summary>
public sealed record DeskNet(string DeskId, BigInteger Pnl, BigInteger Funding, BigInteger Net, IReadOnlyList<PerpSettlement> Events);
