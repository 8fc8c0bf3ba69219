using System.Numerics;
using CustodySettle.Chain.Rpc;

namespace CustodySettle.Chain.Signers;

/// <summary>
/// EIP-1559 fees for the next transaction: the node's suggested tip, and a fee cap of twice the latest
/// base fee plus that tip. The base fee can rise at most 12.5% a block (EIP-1559), so twice it covers
/// six full blocks of rises; the sender pays base fee + tip, never the cap.
/// </summary>
internal static class FeeEstimator
{
    public static async Task<(BigInteger MaxFeePerGas, BigInteger MaxPriorityFeePerGas)> EstimateAsync(EthClient eth, CancellationToken cancellationToken)
    {
        var tip = await eth.MaxPriorityFeePerGasAsync(cancellationToken).ConfigureAwait(false);
        var head = await eth.GetBlockByNumberAsync(BlockTag.Latest, cancellationToken).ConfigureAwait(false)
            ?? throw new JsonRpcException("The node returned no latest block.");
        var baseFee = head.BaseFeePerGas ?? BigInteger.Zero;
        return ((baseFee * 2) + tip, tip);
    }
}
