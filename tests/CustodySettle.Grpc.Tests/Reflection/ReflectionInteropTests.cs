using System.Text.Json;
using CustodySettle.Testing;
using CustodySettle.Testing.Grpc;
using CustodySettle.Testing.Interop;
using Google.Protobuf;
using Grpc.Reflection.V1;
using ResponseCase = Grpc.Reflection.V1.ServerReflectionResponse.MessageResponseOneofCase;

namespace CustodySettle.Grpc.Tests.Reflection;

/// <summary>
/// Both reflection services on a real server, driven by Python grpcio (Debian's /usr/bin/python3) over
/// one bidirectional stream per version, with raw bytes: the v1alpha and v1 messages are the same on
/// the wire, so one set of requests serves both.
/// </summary>
public sealed class ReflectionInteropTests
{
    // argv: target, method path, then hex-encoded requests, sent on one stream before half-closing.
    // Prints {"code", "replies": [hex, ...]}.
    private const string Script = """
        import json, sys, grpc
        raw = lambda b: b
        target, method, requests = sys.argv[1], sys.argv[2], [bytes.fromhex(h) for h in sys.argv[3:]]
        with grpc.insecure_channel(target, options=[("grpc.enable_http_proxy", 0)]) as channel:
            info = channel.stream_stream(method, request_serializer=raw, response_deserializer=raw)
            replies, code = [], "OK"
            try:
                for reply in info(iter(requests), timeout=10):
                    replies.append(reply.hex())
            except grpc.RpcError as e:
                code = e.code().name
            print(json.dumps({"code": code, "replies": replies}))
        """;

    [Theory]
    [InlineData("/grpc.reflection.v1.ServerReflection/ServerReflectionInfo")]
    [InlineData("/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo")]
    public async Task ServerReflectionInfo_PythonClient_AnswersEachRequestInOrderOnOneStream(string method)
    {
        // Arrange
        await using var server = await TestGrpcServer.StartAsync();
        ServerReflectionRequest[] requests =
        [
            new() { ListServices = string.Empty },
            new() { FileContainingSymbol = "custodysettle.testing.v1.Echo" },
            new() { FileContainingSymbol = "no.such.Symbol" },
            new() { Host = server.Target, FileByFilename = "grpc/health/v1/health.proto" },
            new(),
        ];

        // Act
        var (code, replies) = await RunPythonAsync(server, method, requests);

        // Assert
        Assert.Equal("OK", code);
        Assert.Equal(requests.Length, replies.Count);
        Assert.Equal(
            ["custodysettle.testing.v1.Echo", "grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection"],
            replies[0].ListServicesResponse.Service.Select(s => s.Name).Order(StringComparer.Ordinal));
        Assert.Equal([EchoReflection.Descriptor.SerializedData], replies[1].FileDescriptorResponse.FileDescriptorProto);
        Assert.Equal(ResponseCase.ErrorResponse, replies[2].MessageResponseCase);
        Assert.Equal(5, replies[2].ErrorResponse.ErrorCode);
        Assert.Equal(requests[2], replies[2].OriginalRequest);
        Assert.Equal([global::Grpc.Health.V1.HealthReflection.Descriptor.SerializedData], replies[3].FileDescriptorResponse.FileDescriptorProto);
        Assert.Equal(server.Target, replies[3].ValidHost);
        Assert.Equal(3, replies[4].ErrorResponse.ErrorCode);
    }

    [Fact]
    public async Task AddGrpcReflection_CalledAgain_ServerStartsAndListsEachServiceOnce()
    {
        // Arrange: TestGrpcServer already adds reflection; a second call must not register it twice.
        await using var server = await TestGrpcServer.StartAsync(services => services.AddGrpcReflection());

        // Act
        var (code, replies) = await RunPythonAsync(server, "/grpc.reflection.v1.ServerReflection/ServerReflectionInfo", [new() { ListServices = "*" }]);

        // Assert
        Assert.Equal("OK", code);
        Assert.Equal(4, Assert.Single(replies).ListServicesResponse.Service.Count);
    }

    private static async Task<(string Code, List<ServerReflectionResponse> Replies)> RunPythonAsync(
        TestGrpcServer server, string method, ServerReflectionRequest[] requests)
    {
        var hex = requests.Select(r => Convert.ToHexString(r.ToByteArray()));
        var run = await ProcessRunner.RunAsync("/usr/bin/python3", ["-c", Script, server.Target, method, .. hex], TimeSpan.FromSeconds(60));
        Assert.True(run.ExitCode == 0, run.Output);
        var result = JsonDocument.Parse(run.StandardOutput).RootElement;
        var replies = result.GetProperty("replies").EnumerateArray()
            .Select(r => ServerReflectionResponse.Parser.ParseFrom(Convert.FromHexString(r.GetString()!)))
            .ToList();
        return (result.GetProperty("code").GetString()!, replies);
    }
}
