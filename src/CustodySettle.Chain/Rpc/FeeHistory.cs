using System.Numerics;

namespace CustodySettle.Chain.Rpc;

/// <summary>eth_feeHistory: base fees and priority-fee percentiles of recent blocks. <c>BaseFeePerGas</c> has
/// one entry per block from <c>OldestBlock</c> plus the next block's; <c>GasUsedRatio</c> is gasUsed / gasLimit
/// per block (a ratio, not an amount); <c>Reward</c> has, per block, the priority fee at each requested
/// percentile, in wei.</summary>
public sealed record FeeHistory(
    long OldestBlock,
    IReadOnlyList<BigInteger> BaseFeePerGas,
    IReadOnlyList<double> GasUsedRatio,
    IReadOnlyList<IReadOnlyList<BigInteger>> Reward);
