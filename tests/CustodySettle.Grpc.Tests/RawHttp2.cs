using System.Net;
using System.Net.Http.Headers;

namespace CustodySettle.Grpc.Tests;

/// <summary>What the server answered to a hand-made request, headers and trailers apart.</summary>
internal sealed record RawResponse(HttpStatusCode StatusCode, HttpResponseHeaders Headers, HttpResponseHeaders Trailers, string? ContentType, byte[] Body)
{
    /// <summary>grpc-status from the trailers, or from the headers for a Trailers-Only answer.</summary>
    public string? GrpcStatus => Value(Trailers, "grpc-status") ?? Value(Headers, "grpc-status");

    public string? GrpcMessage => Value(Trailers, "grpc-message") ?? Value(Headers, "grpc-message");

    public bool IsTrailersOnly => Value(Headers, "grpc-status") is not null && Body.Length == 0;

    private static string? Value(HttpHeaders headers, string name) => headers.TryGetValues(name, out var values) ? values.First() : null;
}

/// <summary>
/// Sends hand-made requests over HTTP/2 with prior knowledge, to test what no well-behaved gRPC client
/// would send: wrong content types, broken framing, garbage.
/// </summary>
internal sealed class RawHttp2(Uri address) : IDisposable
{
    private readonly HttpClient _client = new(new SocketsHttpHandler()) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };

    public async Task<RawResponse> PostAsync(string path, byte[] body, string? contentType = "application/grpc", Version? version = null, IEnumerable<(string Name, string Value)>? headers = null, HttpMethod? method = null)
    {
        using var request = new HttpRequestMessage(method ?? HttpMethod.Post, path)
        {
            Version = version ?? HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(body),
        };
        if (contentType is not null)
        {
            request.Content.Headers.TryAddWithoutValidation("content-type", contentType);
        }

        request.Headers.TryAddWithoutValidation("te", "trailers");
        foreach (var (name, value) in headers ?? [])
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await _client.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return new RawResponse(response.StatusCode, response.Headers, response.TrailingHeaders, response.Content.Headers.ContentType?.ToString(), bytes);
    }

    /// <summary>One length-prefixed message.</summary>
    public static byte[] Frame(byte[] payload, byte flag = 0) =>
        [flag, (byte)(payload.Length >> 24), (byte)(payload.Length >> 16), (byte)(payload.Length >> 8), (byte)payload.Length, .. payload];

    public void Dispose() => _client.Dispose();
}
