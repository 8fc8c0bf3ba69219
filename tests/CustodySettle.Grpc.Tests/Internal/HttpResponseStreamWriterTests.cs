using System.IO.Pipelines;
using System.Net;
using CustodySettle.Grpc.Internal;
using CustodySettle.Testing.Grpc;
using CustodySettle.Testing.Interop;
using Google.Protobuf;
using Microsoft.Extensions.DependencyInjection;

namespace CustodySettle.Grpc.Tests.Internal;

public sealed class HttpResponseStreamWriterTests
{
    [Fact]
    public async Task WriteAsync_ReaderStopsReading_FlowControlHoldsTheWriterBackThenAllArrive()
    {
        await using var server = await TestGrpcServer.StartAsync();
        var observation = server.Services.GetRequiredService<EchoObservations>().For("flow");
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server.Address, "/custodysettle.testing.v1.Echo/ServerStream"))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(RawHttp2.Frame(new StreamRequest { Count = 10_000, PayloadSize = 1024, Tag = "flow" }.ToByteArray())),
        };
        request.Content.Headers.TryAddWithoutValidation("content-type", "application/grpc");

        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        await Task.Delay(TimeSpan.FromSeconds(1));
        var sentWhileNotReading = observation.MessagesSent;
        var received = await CountMessagesAsync(await response.Content.ReadAsStreamAsync());

        // 10 MB of messages against a 64 KiB HTTP/2 window and Kestrel's bounded response buffer:
        // without backpressure the handler would have written all of them by now.
        Assert.InRange(sentWhileNotReading, 1, 1_000);
        Assert.Equal(10_000, received);
        Assert.Equal(10_000, observation.MessagesSent);
        Assert.Equal("0", response.TrailingHeaders.GetValues("grpc-status").Single());
    }

    private static async Task<int> CountMessagesAsync(Stream body)
    {
        var reader = PipeReader.Create(body);
        var count = 0;
        while (true)
        {
            var result = await reader.ReadAsync();
            var buffer = result.Buffer;
            while (MessageFraming.TryRead(ref buffer, 1 << 20, out _, out var payload))
            {
                Assert.Equal(count, EchoReply.Parser.ParseFrom(payload).Sequence);
                count++;
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
            if (result.IsCompleted)
            {
                return count;
            }
        }
    }
}
