using System.Buffers;
using System.Text.Json;

namespace CustodySettle.Chain.Rpc;

/// <summary>
/// JSON-RPC 2.0 framing (jsonrpc.org/specification): requests with numeric ids, a batch as one array,
/// and answers matched back by id since a server may order a batch's answers as it likes (section 6).
/// </summary>
internal static class JsonRpcWire
{
    public static byte[] Serialize(IReadOnlyList<JsonRpcRequest> requests, long firstId, bool asBatch)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            if (asBatch)
            {
                writer.WriteStartArray();
            }

            for (var i = 0; i < requests.Count; i++)
            {
                writer.WriteStartObject();
                writer.WriteString("jsonrpc", "2.0");
                writer.WriteNumber("id", firstId + i);
                writer.WriteString("method", requests[i].Method);
                writer.WriteStartArray("params");
                foreach (var parameter in requests[i].Parameters)
                {
                    if (parameter is null)
                    {
                        writer.WriteNullValue();
                    }
                    else
                    {
                        parameter.WriteTo(writer);
                    }
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            if (asBatch)
            {
                writer.WriteEndArray();
            }
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The answer to a single request; it must carry the request's id.</summary>
    public static JsonRpcResult ReadSingle(JsonElement root, string method, long id, string endpoint)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Malformed(method, endpoint, "the answer to a single request is not a JSON object");
        }

        var answerId = ReadId(root);
        if (answerId != id && !(answerId is null && root.TryGetProperty("error", out _)))
        {
            throw Malformed(method, endpoint, $"the answer's id {answerId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "null"} is not the request's {id}");
        }

        return ReadAnswer(root, method, endpoint);
    }

    /// <summary>The answers to a batch, in request order. A server that rejects the whole batch answers
    /// with a single error object (id null), which is thrown.</summary>
    public static JsonRpcResult[] ReadBatch(JsonElement root, IReadOnlyList<JsonRpcRequest> requests, long firstId, string endpoint)
    {
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out _))
        {
            throw ReadAnswer(root, "batch", endpoint).Error!;
        }

        if (root.ValueKind != JsonValueKind.Array)
        {
            throw Malformed("batch", endpoint, "the answer to a batch is not a JSON array");
        }

        var results = new JsonRpcResult?[requests.Count];
        foreach (var answer in root.EnumerateArray())
        {
            var index = answer.ValueKind == JsonValueKind.Object ? ReadId(answer) - firstId : null;
            if (index is not { } i || i < 0 || i >= requests.Count || results[i] is not null)
            {
                throw Malformed("batch", endpoint, "an answer's id is missing, unknown or repeated");
            }

            results[i] = ReadAnswer(answer, requests[(int)i].Method, endpoint);
        }

        var missing = Array.IndexOf(results, null);
        return missing < 0
            ? Array.ConvertAll(results, r => r!)
            : throw Malformed("batch", endpoint, $"no answer to request {missing} ({requests[missing].Method}) of {requests.Count}");
    }

    /// <summary>The code and message of an error object, if the body is one (a non-2xx answer may carry it).</summary>
    public static (int? Code, string? Message) TryReadError(JsonElement root)
    {
        var first = root.ValueKind == JsonValueKind.Array && root.GetArrayLength() > 0 ? root[0] : root;
        return first.ValueKind == JsonValueKind.Object && first.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object
            && error.TryGetProperty("code", out var code) && code.TryGetInt32(out var value)
            ? (value, error.TryGetProperty("message", out var message) ? message.ToString() : null)
            : (null, null);
    }

    public static JsonRpcException Malformed(string method, string endpoint, string what, Exception? inner = null) =>
        new(JsonRpcErrorKind.MalformedResponse, method, $"{method} at {endpoint}: malformed JSON-RPC response: {what}", inner);

    private static JsonRpcResult ReadAnswer(JsonElement answer, string method, string endpoint)
    {
        if (answer.TryGetProperty("error", out var error) && error.ValueKind != JsonValueKind.Null)
        {
            if (error.ValueKind != JsonValueKind.Object || !error.TryGetProperty("code", out var code) || !code.TryGetInt32(out var value))
            {
                throw Malformed(method, endpoint, "an error without an integer code");
            }

            var message = error.TryGetProperty("message", out var text) && text.ValueKind == JsonValueKind.String ? text.GetString()! : "";
            var data = error.TryGetProperty("data", out var raw) ? raw.GetRawText() : null;
            return new JsonRpcResult(default, JsonRpcException.FromError(method, endpoint, value, message, data));
        }

        return answer.TryGetProperty("result", out var result)
            ? new JsonRpcResult(result.Clone(), null)
            : throw Malformed(method, endpoint, "neither result nor error");
    }

    private static long? ReadId(JsonElement answer) =>
        answer.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.Number && id.TryGetInt64(out var value) ? value : null;
}
