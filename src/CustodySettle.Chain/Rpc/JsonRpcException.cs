using System.Text.Json;
using CustodySettle.Chain.Primitives;

namespace CustodySettle.Chain.Rpc;

/// <summary>
/// A JSON-RPC call failed. <see cref="Kind"/> says how; an RPC error carries the node's code, message
/// and raw data, and a revert its data bytes for the ABI layer to decode. Messages name the endpoint
/// only with its user info, query and key-like path segments redacted, and never carry request bodies.
/// </summary>
public sealed class JsonRpcException : Exception
{
    public JsonRpcException()
    {
    }

    public JsonRpcException(string message)
        : base(message)
    {
    }

    public JsonRpcException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal JsonRpcException(JsonRpcErrorKind kind, string method, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
        Method = method;
    }

    /// <summary>How the call failed.</summary>
    public JsonRpcErrorKind Kind { get; }

    /// <summary>The JSON-RPC method ("batch" for a whole batch).</summary>
    public string? Method { get; }

    /// <summary>The JSON-RPC error code, when the node sent an error object.</summary>
    public int? Code { get; private init; }

    /// <summary>The node's error message.</summary>
    public string? RpcMessage { get; private init; }

    /// <summary>The error object's <c>data</c> member as raw JSON text (often a hex string).</summary>
    public string? ErrorData { get; private init; }

    /// <summary>The HTTP status of a non-2xx answer.</summary>
    public int? HttpStatusCode { get; private init; }

    /// <summary>The call reverted: code 3, or a message saying so (nodes differ, execution-apis).</summary>
    public bool IsRevert => Kind == JsonRpcErrorKind.Rpc
        && (Code == JsonRpcErrorCodes.ExecutionReverted || (RpcMessage?.Contains("revert", StringComparison.OrdinalIgnoreCase) ?? false));

    /// <summary>The revert data (e.g. 0x08c379a0... for Error(string)), empty when there is none.</summary>
    public ReadOnlyMemory<byte> RevertData => IsRevert ? DataBytes() : ReadOnlyMemory<byte>.Empty;

    /// <summary>Worth retrying a read (the Read pipeline does): a timeout, a connection failure, HTTP
    /// 408/429/500/502/503/504, a malformed answer, -32005 unless it is a log-range error, -32603 unless
    /// it is a revert. Never used to re-send a write.</summary>
    public bool IsTransient => TransientRpcErrors.IsTransient(this);

    internal static JsonRpcException FromError(string method, string endpoint, int code, string message, string? data, int? httpStatus = null) =>
        new(JsonRpcErrorKind.Rpc, method, $"{method} at {endpoint} failed with JSON-RPC error {code}: {message}")
        {
            Code = code,
            RpcMessage = message,
            ErrorData = data,
            HttpStatusCode = httpStatus,
        };

    internal static JsonRpcException FromStatus(string method, string endpoint, int status, int? code, string? message) =>
        new(JsonRpcErrorKind.Transport, method, $"{method} at {endpoint} failed with HTTP {status}" + (code is null ? "" : $" (JSON-RPC error {code}: {message})"))
        {
            HttpStatusCode = status,
            Code = code,
            RpcMessage = message,
        };

    private byte[] DataBytes()
    {
        if (ErrorData is null)
        {
            return [];
        }

        // Most nodes send the bytes as a hex string; a few nest them as {"data": "0x..."}.
        using var document = JsonDocument.Parse(ErrorData);
        var element = document.RootElement;
        if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty("data", out var nested))
        {
            element = nested;
        }

        return element.ValueKind == JsonValueKind.String && Hex.TryDecode(element.GetString(), out var bytes) ? bytes : [];
    }
}
