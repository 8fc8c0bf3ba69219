using System.Numerics;
using CustodySettle.Chain.Primitives;

namespace CustodySettle.Chain.Rpc;

/// <summary>A block header as eth_getBlockByNumber / eth_getBlockByHash return it (transactions as hashes).
/// <c>BaseFeePerGas</c> is the EIP-1559 base fee in wei, null before London.</summary>
public sealed record Block(
    long Number,
    Hash32 Hash,
    Hash32 ParentHash,
    DateTimeOffset Timestamp,
    BigInteger? BaseFeePerGas,
    long GasLimit,
    long GasUsed,
    IReadOnlyList<Hash32> TransactionHashes);
