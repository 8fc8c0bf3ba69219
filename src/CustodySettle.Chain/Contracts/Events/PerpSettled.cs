using System.Numerics;
using CustodySettle.Chain.Primitives;

namespace CustodySettle.Chain.Contracts.Events;

/// <summary>StandardManager <c>PerpSettled(uint indexed accountId, address perp, int pnl, int funding)</c>: PnL and funding moved into cash.</summary>
public sealed record PerpSettled(BigInteger AccountId, Address Perp, BigInteger Pnl, BigInteger Funding) : ContractEvent;
