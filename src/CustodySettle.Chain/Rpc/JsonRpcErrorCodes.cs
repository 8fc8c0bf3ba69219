namespace CustodySettle.Chain.Rpc;

/// <summary>
/// JSON-RPC error codes the chain layer reacts to: the JSON-RPC 2.0 specification's (-32700 ..
/// -32600), EIP-1474's server errors, and geth's 3 for a reverted call (execution-apis).
/// </summary>
public static class JsonRpcErrorCodes
{
    /// <summary>A call or gas estimate reverted; error.data holds the revert data (geth, anvil).</summary>
    public const int ExecutionReverted = 3;

    public const int ParseError = -32700;
    public const int InvalidRequest = -32600;
    public const int MethodNotFound = -32601;
    public const int InvalidParams = -32602;
    public const int InternalError = -32603;

    /// <summary>EIP-1474 "invalid input"; geth's generic server error.</summary>
    public const int ServerError = -32000;

    /// <summary>EIP-1474 "limit exceeded": rate limits, and result-size limits of eth_getLogs (Infura).</summary>
    public const int LimitExceeded = -32005;
}
