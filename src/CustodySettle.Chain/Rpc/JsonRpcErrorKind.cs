namespace CustodySettle.Chain.Rpc;

/// <summary>What went wrong with a JSON-RPC call.</summary>
public enum JsonRpcErrorKind
{
    /// <summary>Not classified (an exception built with a standard constructor).</summary>
    Unknown = 0,

    /// <summary>The node answered with a JSON-RPC error object (code, message, data).</summary>
    Rpc,

    /// <summary>No answer within the time limit; the node may or may not have acted on the request.</summary>
    Timeout,

    /// <summary>The HTTP exchange failed: connection refused or reset, or a non-2xx status.</summary>
    Transport,

    /// <summary>The answer is not a JSON-RPC 2.0 response to the request (bad JSON, missing or unknown ids,
    /// or a result of the wrong shape).</summary>
    MalformedResponse,

    /// <summary>Not sent: the read circuit breaker is open after too many failures.</summary>
    CircuitOpen,
}
