using System.Numerics;
using CustodySettle.Chain.Primitives;

namespace CustodySettle.Chain.Rpc;

/// <summary>
/// A transaction for the node to sign and send (eth_sendTransaction, dev nodes' unlocked accounts) or
/// to estimate (eth_estimateGas). Unset fields are left to the node.
/// </summary>
public sealed record TransactionRequest
{
    /// <summary>The sender; required by eth_sendTransaction.</summary>
    public Address? From { get; init; }

    /// <summary>The recipient; null creates a contract from <see cref="Data"/>.</summary>
    public Address? To { get; init; }

    /// <summary>Calldata, or creation code when <see cref="To"/> is null.</summary>
    public ReadOnlyMemory<byte> Data { get; init; }

    /// <summary>Wei to send.</summary>
    public BigInteger? Value { get; init; }

    /// <summary>Gas limit.</summary>
    public long? Gas { get; init; }

    /// <summary>The sender's nonce.</summary>
    public long? Nonce { get; init; }

    /// <summary>EIP-1559 fee cap per gas, in wei.</summary>
    public BigInteger? MaxFeePerGas { get; init; }

    /// <summary>EIP-1559 tip cap per gas, in wei.</summary>
    public BigInteger? MaxPriorityFeePerGas { get; init; }

    /// <summary>Legacy gas price, in wei (not with the EIP-1559 fields).</summary>
    public BigInteger? GasPrice { get; init; }
}
