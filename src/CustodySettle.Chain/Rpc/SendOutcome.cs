using CustodySettle.Chain.Primitives;

namespace CustodySettle.Chain.Rpc;

/// <summary>
/// The outcome of eth_sendRawTransaction or eth_sendTransaction, which are never retried by the client.
/// For a raw transaction the hash is computed locally (keccak256 of the signed bytes), so it is known
/// even when the answer was lost; for eth_sendTransaction only the node knows it.
/// </summary>
public sealed record SendOutcome(SendStatus Status, Hash32? TransactionHash, JsonRpcException? Error)
{
    /// <summary>The hash of a transaction the node accepted; otherwise throws the send's error.</summary>
    public Hash32 EnsureSent() => Status == SendStatus.Sent && TransactionHash is { } hash
        ? hash
        : throw Error ?? new JsonRpcException("The transaction was not sent.");
}
