using System.Numerics;
using CustodySettle.Chain.Primitives;

namespace CustodySettle.Chain.Signers;

/// <summary>What a caller wants sent: a call (or a creation when <see cref="To"/> is null) with optional
/// value and gas limit. Nonce and fees are the signer's business.</summary>
/// <param name="To">The contract called; null deploys <paramref name="Data"/> as creation code.</param>
/// <param name="Data">Calldata or creation code.</param>
public sealed record TransactionIntent(Address? To, ReadOnlyMemory<byte> Data)
{
    /// <summary>Wei sent along.</summary>
    public BigInteger Value { get; init; } = BigInteger.Zero;

    /// <summary>The gas limit; estimated (with headroom) when null.</summary>
    public long? GasLimit { get; init; }
}
