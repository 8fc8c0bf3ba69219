using System.Numerics;

namespace CustodySettle.Domain.Settlement;

/// <summary>
/// One StandardManager <c>PerpSettled(accountId, perp, pnl, funding)</c> event: realized PnL and funding
/// moved into the subaccount's cash, both signed and in Derive's 18-decimal fixed point (positive: the
/// subaccount received). Where it happened (block, log index, transaction) is kept as the evidence.
/// </summary>
public sealed record PerpSettlement(BigInteger SubaccountId, string Perp, BigInteger Pnl, BigInteger Funding, long BlockNumber, int LogIndex, string TransactionHash)
{
    public BigInteger Net => Pnl + Funding;
}
