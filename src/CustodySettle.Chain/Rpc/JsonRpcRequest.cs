using System.Text.Json.Nodes;

namespace CustodySettle.Chain.Rpc;

/// <summary>One JSON-RPC request: a method and its positional parameters (the client assigns ids).</summary>
public sealed record JsonRpcRequest(string Method, IReadOnlyList<JsonNode?> Parameters)
{
    /// <summary>Methods that change state on the node. They take the Write pipeline: never retried.</summary>
    internal static readonly IReadOnlySet<string> WriteMethods = new HashSet<string>(StringComparer.Ordinal)
    {
        "eth_sendRawTransaction",
        "eth_sendTransaction",
    };

    /// <summary>A request from its method and parameters (strings, numbers and booleans convert implicitly).</summary>
    public static JsonRpcRequest Create(string method, params JsonNode?[] parameters) => new(method, parameters);

    internal bool IsWrite => WriteMethods.Contains(Method);
}
