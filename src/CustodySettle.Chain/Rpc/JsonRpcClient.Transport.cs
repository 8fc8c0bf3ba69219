using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;

namespace CustodySettle.Chain.Rpc;

/// <summary>One attempt: the HTTP exchange and the reading of its answer.</summary>
public sealed partial class JsonRpcClient
{
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json");

    private async Task<JsonElement> SendSingleAsync(JsonRpcRequest request, CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref _nextId);
        var body = JsonRpcWire.Serialize([request], id, asBatch: false);
        using var document = await PostAsync(body, request.Method, cancellationToken);
        // An RPC error is thrown here, inside the pipeline, so a transient one (-32005 rate limit) is retried.
        return JsonRpcWire.ReadSingle(document.RootElement, request.Method, id, Endpoint).GetResultOrThrow();
    }

    private async Task<JsonRpcResult[]> SendBatchAsync(JsonRpcRequest[] chunk, CancellationToken cancellationToken)
    {
        var firstId = Interlocked.Add(ref _nextId, chunk.Length) - chunk.Length + 1;
        var body = JsonRpcWire.Serialize(chunk, firstId, asBatch: true);
        using var document = await PostAsync(body, "batch", cancellationToken);
        return JsonRpcWire.ReadBatch(document.RootElement, chunk, firstId, Endpoint);
    }

    private async Task<JsonDocument> PostAsync(byte[] body, string method, CancellationToken cancellationToken)
    {
        var started = _timeProvider.GetTimestamp();
        try
        {
            var document = await ExchangeAsync(body, method, cancellationToken);
            _metrics.RecordDuration(method, "ok", _timeProvider.GetElapsedTime(started));
            return document;
        }
        catch (Exception error)
        {
            _metrics.RecordDuration(method, RpcMetrics.Outcome(error), _timeProvider.GetElapsedTime(started));
            throw;
        }
    }

    private async Task<JsonDocument> ExchangeAsync(byte[] body, string method, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = JsonContentType;
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException error)
        {
            throw Transport(method, error);
        }
        catch (OperationCanceledException error) when (!cancellationToken.IsCancellationRequested)
        {
            // Not our token: HttpClient.Timeout fired.
            throw new JsonRpcException(JsonRpcErrorKind.Timeout, method, $"{method} at {Endpoint} timed out (HttpClient.Timeout {_http.Timeout.TotalSeconds} s)", error);
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            JsonDocument document;
            try
            {
                await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
                document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
            }
            catch (JsonException error)
            {
                throw response.IsSuccessStatusCode
                    ? JsonRpcWire.Malformed(method, Endpoint, "the body is not JSON", error)
                    : JsonRpcException.FromStatus(method, Endpoint, status, null, null);
            }
            catch (Exception error) when (error is HttpRequestException or IOException)
            {
                throw Transport(method, error);
            }

            if (!response.IsSuccessStatusCode)
            {
                using (document)
                {
                    var (code, message) = JsonRpcWire.TryReadError(document.RootElement);
                    throw JsonRpcException.FromStatus(method, Endpoint, status, code, message);
                }
            }

            return document;
        }
    }

    // The message names the failure's category and socket error, not the exception's own text, so no
    // part of a request (or a URL a handler may have put there) can reach logs through it.
    private JsonRpcException Transport(string method, Exception error)
    {
        var socket = error.InnerException as SocketException ?? error.InnerException?.InnerException as SocketException;
        var what = error is HttpRequestException http ? http.HttpRequestError.ToString() : error.GetType().Name;
        var detail = socket is null ? what : $"{what}, {socket.SocketErrorCode}";
        return new JsonRpcException(JsonRpcErrorKind.Transport, method, $"{method} at {Endpoint} failed: {detail}", error);
    }
}
