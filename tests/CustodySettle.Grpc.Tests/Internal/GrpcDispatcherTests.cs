using System.Diagnostics.Metrics;
using System.IO.Compression;
using System.Net;
using CustodySettle.Testing.Grpc;
using CustodySettle.Testing.Interop;
using Google.Protobuf;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace CustodySettle.Grpc.Tests.Internal;

/// <summary>The wire rules of ../shared/GRPC-WIRE.md, checked with hand-made HTTP/2 requests.</summary>
public sealed class GrpcDispatcherTests : IAsyncLifetime
{
    private const string Unary = "/custodysettle.testing.v1.Echo/Unary";
    private TestGrpcServer _server = null!;
    private RawHttp2 _http = null!;

    public async Task InitializeAsync()
    {
        _server = await TestGrpcServer.StartAsync();
        _http = new RawHttp2(_server.Address);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    private static byte[] Hello => RawHttp2.Frame(new EchoRequest { Message = "hello" }.ToByteArray());

    [Fact]
    public async Task Unary_ValidRequest_MessageThenStatusInTrailers()
    {
        var response = await _http.PostAsync(Unary, Hello);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/grpc", response.ContentType);
        Assert.Equal("0", Assert.Single(response.Trailers.GetValues("grpc-status")));
        Assert.False(response.Headers.Contains("grpc-status"));
        Assert.Equal("hello", EchoReply.Parser.ParseFrom(response.Body.AsSpan(5).ToArray()).Message);
    }

    [Fact]
    public async Task Unary_HandlerStatus_TrailersOnlyWithPercentEncodedMessage()
    {
        var request = new EchoRequest { StatusCode = (int)StatusCode.NotFound, StatusMessage = "ñ 100%" };

        var response = await _http.PostAsync(Unary, RawHttp2.Frame(request.ToByteArray()));

        Assert.True(response.IsTrailersOnly);
        Assert.Equal("5", response.GrpcStatus);
        Assert.Equal("%C3%B1 100%25", response.GrpcMessage);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("text/plain")]
    [InlineData(null)]
    public async Task Request_WrongContentType_415WithInternal(string? contentType)
    {
        var response = await _http.PostAsync(Unary, Hello, contentType);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("13", response.GrpcStatus);
    }

    [Fact]
    public async Task Request_NotPost_405WithInternal()
    {
        var response = await _http.PostAsync(Unary, [], method: HttpMethod.Put);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("13", response.GrpcStatus);
    }

    [Theory]
    [InlineData("/custodysettle.testing.v1.Nope/Unary", "Service is unimplemented: custodysettle.testing.v1.Nope")]
    [InlineData("/custodysettle.testing.v1.Echo/Nope", "Method is unimplemented: /custodysettle.testing.v1.Echo/Nope")]
    [InlineData("/custodysettle.testing.v1.echo/unary", "Service is unimplemented: custodysettle.testing.v1.echo")]
    public async Task Request_UnknownRoute_200WithUnimplemented(string path, string message)
    {
        var response = await _http.PostAsync(path, Hello);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("12", response.GrpcStatus);
        Assert.Equal(message, response.GrpcMessage);
    }

    [Fact]
    public async Task Unary_TwoMessages_Internal()
    {
        var response = await _http.PostAsync(Unary, [.. Hello, .. Hello]);

        Assert.Equal("13", response.GrpcStatus);
        Assert.Equal("Additional data after the message received.", response.GrpcMessage);
    }

    [Theory]
    [InlineData(new byte[0], "Request did not include a message.")]
    [InlineData(new byte[] { 0, 0, 0, 0, 9, 1, 2 }, "Incomplete message.")]
    [InlineData(new byte[] { 0, 0 }, "Incomplete message.")]
    public async Task Unary_MissingOrTruncatedMessage_Internal(byte[] body, string message)
    {
        var response = await _http.PostAsync(Unary, body);

        Assert.Equal("13", response.GrpcStatus);
        Assert.Equal(message, response.GrpcMessage);
    }

    [Fact]
    public async Task Unary_CompressedFlagWithoutEncoding_Internal()
    {
        var response = await _http.PostAsync(Unary, RawHttp2.Frame(new EchoRequest { Message = "x" }.ToByteArray(), flag: 1));

        Assert.Equal("13", response.GrpcStatus);
    }

    [Fact]
    public async Task Unary_GzipMessage_Decompressed()
    {
        using var compressed = new MemoryStream();
        await using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            new EchoRequest { Message = "zipped" }.WriteTo(gzip);
        }

        var response = await _http.PostAsync(Unary, RawHttp2.Frame(compressed.ToArray(), flag: 1), headers: [("grpc-encoding", "gzip")]);

        Assert.Equal("0", response.GrpcStatus);
        Assert.Equal("zipped", EchoReply.Parser.ParseFrom(response.Body.AsSpan(5).ToArray()).Message);
    }

    [Fact]
    public async Task Unary_UnsupportedEncoding_UnimplementedListingSupported()
    {
        var response = await _http.PostAsync(Unary, Hello, headers: [("grpc-encoding", "snappy")]);

        Assert.Equal("12", response.GrpcStatus);
        Assert.Equal("identity,gzip", Assert.Single(response.Headers.GetValues("grpc-accept-encoding")));
    }

    [Fact]
    public async Task Unary_InvalidTimeout_IgnoredAndCallSucceeds()
    {
        var response = await _http.PostAsync(Unary, Hello, headers: [("grpc-timeout", "1.5S")]);

        Assert.Equal("0", response.GrpcStatus);
    }

    [Fact]
    public async Task Request_RandomGarbageBodiesAndHeaders_AnswerWithAStatusAndServerStaysHealthy()
    {
        // Leaks: every call the dispatcher starts must also finish, whatever the garbage. The gauge is
        // read from this server's own meter factory, so other test classes' servers do not count.
        var factory = _server.Services.GetRequiredService<IMeterFactory>();
        long active = 0, measurements = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == factory && instrument.Name == "rpc.server.active_calls")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) =>
        {
            Interlocked.Add(ref active, value);
            Interlocked.Increment(ref measurements);
        });
        listener.Start();
        var random = new Random(42);
        string[] paths = [Unary, "/custodysettle.testing.v1.Echo/ClientStream", "/custodysettle.testing.v1.Echo/ServerStream", "/x/y", "/"];
        for (var i = 0; i < 200; i++)
        {
            var body = new byte[random.Next(0, 300)];
            random.NextBytes(body);
            if (body.Length > 0 && random.Next(2) == 0)
            {
                body[0] = (byte)random.Next(0, 2); // often a valid flag, so lengths get exercised too
            }

            var headers = new List<(string, string)>();
            if (random.Next(3) == 0)
            {
                headers.Add(("grpc-timeout", random.Next(1, 100000) + "mSunH"[random.Next(5)].ToString()));
            }

            if (random.Next(4) == 0)
            {
                headers.Add(("x-junk-bin", Convert.ToBase64String(body.Take(12).ToArray())));
            }

            var response = await _http.PostAsync(paths[random.Next(paths.Length)], body, headers: headers);

            Assert.NotNull(response.GrpcStatus);
        }

        var healthy = await _http.PostAsync(Unary, Hello);
        Assert.Equal("0", healthy.GrpcStatus);
        Assert.Equal(0, Interlocked.Read(ref active));
        Assert.True(Interlocked.Read(ref measurements) >= 100, $"only {measurements} gauge changes seen: is the listener wired?");
    }

    [Fact]
    public async Task Request_Http11OnHttp1AndHttp2Endpoint_426WithInternal()
    {
        await using var server = await TestGrpcServer.StartAsync(protocols: HttpProtocols.Http1AndHttp2);
        using var http = new RawHttp2(server.Address);

        var response = await http.PostAsync(Unary, Hello, version: HttpVersion.Version11);

        Assert.Equal(HttpStatusCode.UpgradeRequired, response.StatusCode);
        Assert.Equal("13", response.GrpcStatus);
    }

    [Fact]
    public async Task Request_Http11OnH2cEndpoint_RefusedByKestrelBeforeRouting()
    {
        // A plain-text endpoint serves HTTP/2 by prior knowledge only, so Kestrel itself answers an
        // HTTP/1.x request with 400 and closes, before any middleware (as under grpc-dotnet); a gRPC
        // client maps 400 to INTERNAL (doc/http-grpc-status-mapping.md). With TLS, ALPN lets
        // HTTP/1.1 reach the dispatcher, which answers 426 (the test above).
        var response = await _http.PostAsync(Unary, Hello, version: HttpVersion.Version11);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("HTTP/2 only endpoint", System.Text.Encoding.ASCII.GetString(response.Body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServerStopping_OpenStream_EndsWithUnavailable()
    {
        var server = await TestGrpcServer.StartAsync();
        using var channel = new CustodySettle.Grpc.Client.GrpcClientChannel(server.Address);
        using var call = channel.ServerStreaming(
            CustodySettle.Grpc.Tests.Client.EchoMethods.ServerStream, new StreamRequest { Count = 1_000_000, IntervalMs = 10, Tag = "stopping" });
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));

        var stopping = server.DisposeAsync().AsTask();
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            while (await call.ResponseStream.MoveNext(CancellationToken.None))
            {
            }
        });
        await stopping;

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
    }
}
