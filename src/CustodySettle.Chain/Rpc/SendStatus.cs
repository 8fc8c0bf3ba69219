namespace CustodySettle.Chain.Rpc;

/// <summary>What is known about a transaction handed to the node.</summary>
public enum SendStatus
{
    /// <summary>No answer (timeout, connection lost, garbled response): the node may have it. Check
    /// eth_getTransactionByHash and the sender's nonce before deciding to send again.</summary>
    Unknown = 0,

    /// <summary>The node accepted it and answered with its hash.</summary>
    Sent,

    /// <summary>The node answered with a JSON-RPC error (nonce too low, underpriced, insufficient funds,
    /// "already known", ...). Some of these mean an equal transaction is already in the pool.</summary>
    Rejected,
}
