using System.Numerics;
using CustodySettle.Chain.Primitives;

namespace CustodySettle.Chain.Rpc;

/// <summary>An eth_call: a read-only message call to a contract. <c>From</c> is the msg.sender the contract
/// sees (the zero address when null), <c>Value</c> wei sent along, <c>Gas</c> the limit (the node's default
/// when null).</summary>
public sealed record CallRequest(Address To, ReadOnlyMemory<byte> Data, Address? From = null, BigInteger? Value = null, long? Gas = null);
