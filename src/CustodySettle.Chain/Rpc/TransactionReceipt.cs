using System.Numerics;
using CustodySettle.Chain.Primitives;

namespace CustodySettle.Chain.Rpc;

/// <summary>A mined transaction's receipt (eth_getTransactionReceipt). <c>Succeeded</c> is status 1 (EIP-658),
/// false when the transaction reverted; <c>ContractAddress</c> is the contract a creation made.</summary>
public sealed record TransactionReceipt(
    Hash32 TransactionHash,
    bool Succeeded,
    long BlockNumber,
    Hash32 BlockHash,
    int TransactionIndex,
    Address From,
    Address? To,
    long GasUsed,
    BigInteger EffectiveGasPrice,
    Address? ContractAddress,
    IReadOnlyList<LogEntry> Logs);
