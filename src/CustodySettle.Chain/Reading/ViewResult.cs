using CustodySettle.Chain.Rpc;

namespace CustodySettle.Chain.Reading;

/// <summary>
/// One call's outcome in a <see cref="BatchReadResult"/>. <see cref="Data"/> is the return data, or the
/// revert data when the call failed. <see cref="RpcError"/> is set when the node failed the request
/// that carried the call (a plain eth_call's error, or a whole aggregate3's), rather than the call reverting inside it.
/// </summary>
public sealed record ViewResult(bool Success, ReadOnlyMemory<byte> Data, JsonRpcException? RpcError = null);
