using System.Text.Json;

namespace CustodySettle.Chain.Rpc;

/// <summary>One answer of a batch: the result, or the node's error for that request alone.</summary>
public sealed record JsonRpcResult
{
    internal JsonRpcResult(JsonElement result, JsonRpcException? error) => (Result, Error) = (result, error);

    /// <summary>The result (undefined when <see cref="Error"/> is set).</summary>
    public JsonElement Result { get; }

    /// <summary>The request's error, always of kind <see cref="JsonRpcErrorKind.Rpc"/>.</summary>
    public JsonRpcException? Error { get; }

    /// <summary>The node answered with a result.</summary>
    public bool IsSuccess => Error is null;

    /// <summary>The result, or the request's error thrown.</summary>
    public JsonElement GetResultOrThrow() => Error is null ? Result : throw Error;
}
