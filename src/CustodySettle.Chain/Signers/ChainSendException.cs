using CustodySettle.Chain.Primitives;
using CustodySettle.Chain.Rpc;

namespace CustodySettle.Chain.Signers;

/// <summary>
/// A send failed. <see cref="Refused"/>: the node rejected it and nothing was sent (the nonce is free
/// again). Otherwise whether it reached the node could not be established, even after checking its
/// hash and the sender's nonce: look the hash up before deciding anything. Never carries key material.
/// </summary>
public sealed class ChainSendException : Exception
{
    public ChainSendException()
    {
    }

    public ChainSendException(string message)
        : base(message)
    {
    }

    public ChainSendException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal ChainSendException(string message, bool refused, Hash32? hash, JsonRpcException? rpcError)
        : base(message, rpcError)
    {
        Refused = refused;
        TransactionHash = hash;
    }

    /// <summary>The node answered with an error: the transaction is not in its pool.</summary>
    public bool Refused { get; }

    /// <summary>The signed transaction's hash, when the signer knows it.</summary>
    public Hash32? TransactionHash { get; }

    /// <summary>The node's error, for refusals.</summary>
    public JsonRpcException? RpcError => InnerException as JsonRpcException;
}
