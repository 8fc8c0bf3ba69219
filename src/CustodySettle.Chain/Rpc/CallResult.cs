namespace CustodySettle.Chain.Rpc;

/// <summary>One call's outcome in <see cref="EthClient.CallBatchAsync"/>.</summary>
/// <param name="Success">The call returned.</param>
/// <param name="Data">The return data, or the revert data when the call reverted (empty otherwise).</param>
/// <param name="Error">Why the call failed: a revert (<see cref="JsonRpcException.IsRevert"/>) or another RPC error.</param>
public sealed record CallResult(bool Success, ReadOnlyMemory<byte> Data, JsonRpcException? Error)
{
    /// <summary>The call reverted; <see cref="Data"/> is the revert data.</summary>
    public bool IsRevert => Error?.IsRevert ?? false;
}
