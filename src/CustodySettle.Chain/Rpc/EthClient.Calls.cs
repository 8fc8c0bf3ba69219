using CustodySettle.Chain.Primitives;

namespace CustodySettle.Chain.Rpc;

/// <summary>eth_call, one or many in a batch, and eth_estimateGas.</summary>
public sealed partial class EthClient
{
    /// <summary>
    /// eth_call: the return data. A revert throws <see cref="JsonRpcException"/> with
    /// <see cref="JsonRpcException.IsRevert"/> set and <see cref="JsonRpcException.RevertData"/> holding
    /// the revert data (e.g. 0x08c379a0... for Error(string)) for the ABI layer to decode.
    /// </summary>
    public async Task<ReadOnlyMemory<byte>> CallAsync(CallRequest call, BlockTag block, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        return await ReadAsync(JsonRpcRequest.Create("eth_call", EthJsonWriter.Call(call), Tag(block)), EthJsonReader.DataOf, cancellationToken);
    }

    /// <summary>
    /// Many eth_calls in JSON-RPC batches against the same block, one HTTP request per
    /// <see cref="JsonRpcClientOptions.MaxBatchSize"/> calls: one <see cref="CallResult"/> per call, in
    /// order, a revert or RPC error confined to its own call. A failure of the whole batch throws.
    /// </summary>
    public async Task<IReadOnlyList<CallResult>> CallBatchAsync(IReadOnlyList<CallRequest> calls, BlockTag block, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(calls);
        var requests = calls.Select(call => JsonRpcRequest.Create(
            "eth_call", EthJsonWriter.Call(call ?? throw new ArgumentException("A call is null.", nameof(calls))), Tag(block))).ToList();
        var results = await _rpc.BatchAsync(requests, cancellationToken);
        return [.. results.Select(r => r.Error is { } error
            ? new CallResult(false, error.RevertData, error)
            : new CallResult(true, Parse("eth_call", r.Result, EthJsonReader.DataOf), null))];
    }

    /// <summary>eth_estimateGas against the pending state; a revert throws as in <see cref="CallAsync"/>.</summary>
    public Task<long> EstimateGasAsync(TransactionRequest transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        return ReadAsync(JsonRpcRequest.Create("eth_estimateGas", EthJsonWriter.Transaction(transaction)), EthJsonReader.Int64, cancellationToken);
    }

    /// <summary>eth_getCode: the runtime bytecode at an address (empty for an account without code).</summary>
    public Task<byte[]> GetCodeAsync(Address address, BlockTag block, CancellationToken cancellationToken) =>
        ReadAsync(JsonRpcRequest.Create("eth_getCode", address.ToLowerHex(), Tag(block)), EthJsonReader.DataOf, cancellationToken);
}
