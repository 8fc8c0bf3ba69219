using System.Numerics;
using CustodySettle.Chain.Primitives;

namespace CustodySettle.Chain.Rpc;

/// <summary>A transaction as eth_getTransactionByHash returns it; the block fields are null while it is
/// pending. <c>Type</c> is the EIP-2718 type (0 legacy, 2 EIP-1559, ...).</summary>
public sealed record TransactionDetails(
    Hash32 Hash,
    int Type,
    long Nonce,
    Address From,
    Address? To,
    BigInteger Value,
    ReadOnlyMemory<byte> Input,
    long Gas,
    BigInteger? GasPrice,
    BigInteger? MaxFeePerGas,
    BigInteger? MaxPriorityFeePerGas,
    long? BlockNumber,
    Hash32? BlockHash,
    int? TransactionIndex);
