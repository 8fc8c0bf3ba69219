using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;

namespace CustodySettle.Grpc.Tests.Client.Internal;

/// <summary>An HTTP handler that answers every request with a crafted response, to play servers that break the rules.</summary>
internal sealed class StubHttpHandler(Func<HttpRequestMessage, HttpResponseMessage> respond) : HttpMessageHandler
{
    public HttpRequestMessage? LastRequest { get; private set; }

    /// <summary>A gRPC response: 200, application/grpc, the given body, and trailers when <paramref name="grpcStatus"/> is set.</summary>
    public static HttpResponseMessage GrpcResponse(byte[] body, string? grpcStatus, string contentType = "application/grpc")
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Version = HttpVersion.Version20, Content = new ByteArrayContent(body) };
        response.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (grpcStatus is not null)
        {
            response.TrailingHeaders.TryAddWithoutValidation("grpc-status", grpcStatus);
        }

        return response;
    }

    /// <summary>A length-prefixed message (flag, big-endian length, payload).</summary>
    public static byte[] Frame(IMessage message, byte flag = 0)
    {
        var payload = message.ToByteArray();
        var frame = new byte[5 + payload.Length];
        frame[0] = flag;
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)payload.Length);
        payload.CopyTo(frame, 5);
        return frame;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        LastRequest = request;
        var response = respond(request);
        response.RequestMessage = request;
        return Task.FromResult(response);
    }
}
