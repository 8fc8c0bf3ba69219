using System.Text.Json;
using CustodySettle.Grpc.Health;
using CustodySettle.Testing;
using CustodySettle.Testing.Grpc;
using Google.Protobuf;
using Grpc.Health.V1;
using Microsoft.Extensions.DependencyInjection;
using WireStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace CustodySettle.Grpc.Tests.Health;

/// <summary>
/// grpc.health.v1.Health on a real server, called by Python grpcio (Debian's /usr/bin/python3 has it),
/// with messages passed as raw bytes so the peer needs no generated code.
/// </summary>
public sealed class HealthInteropTests
{
    // argv: target, then hex-encoded HealthCheckRequests. Check each, then Watch each and keep the first
    // message. Prints {"check": [{"code", "reply"}], "watch": [{"code", "reply"}]}, replies hex-encoded.
    private const string Script = """
        import json, sys, grpc
        raw = lambda b: b
        target, requests = sys.argv[1], [bytes.fromhex(h) for h in sys.argv[2:]]
        def run(call):
            try:
                return {"code": "OK", "reply": call().hex()}
            except grpc.RpcError as e:
                return {"code": e.code().name, "reply": ""}
        def first(stream, request):
            call = stream(request, timeout=10)
            try:
                return next(call)
            finally:
                call.cancel()
        with grpc.insecure_channel(target, options=[("grpc.enable_http_proxy", 0)]) as channel:
            check = channel.unary_unary("/grpc.health.v1.Health/Check", request_serializer=raw, response_deserializer=raw)
            watch = channel.unary_stream("/grpc.health.v1.Health/Watch", request_serializer=raw, response_deserializer=raw)
            print(json.dumps({
                "check": [run(lambda: check(r, timeout=10)) for r in requests],
                "watch": [run(lambda: first(watch, r)) for r in requests],
            }))
        """;

    [Fact]
    public async Task Check_PythonClient_ServerAndEchoServingUnknownNotFound()
    {
        // Arrange
        await using var server = await TestGrpcServer.StartAsync();

        // Act
        var result = await RunPythonAsync(server, "", "custodysettle.testing.v1.Echo", "no.such.Service");

        // Assert
        var check = result.GetProperty("check");
        Assert.Equal(WireStatus.Serving, Reply(check[0]).Status);
        Assert.Equal(WireStatus.Serving, Reply(check[1]).Status);
        Assert.Equal("NOT_FOUND", check[2].GetProperty("code").GetString());
    }

    [Fact]
    public async Task Watch_PythonClient_FirstMessageIsCurrentStatusOrServiceUnknown()
    {
        // Arrange
        await using var server = await TestGrpcServer.StartAsync();
        server.Services.GetRequiredService<HealthStatusRegistry>().Set("custodysettle.testing.v1.Echo", ServingStatus.NotServing);

        // Act
        var result = await RunPythonAsync(server, "", "custodysettle.testing.v1.Echo", "no.such.Service");

        // Assert
        var watch = result.GetProperty("watch");
        Assert.Equal(WireStatus.Serving, Reply(watch[0]).Status);
        Assert.Equal(WireStatus.NotServing, Reply(watch[1]).Status);
        Assert.Equal(WireStatus.ServiceUnknown, Reply(watch[2]).Status);
    }

    [Fact]
    public async Task AddGrpcHealth_CalledAgain_ServerStartsAndServesHealthOnce()
    {
        // Arrange: TestGrpcServer already adds health; a second call must not register it twice.
        await using var server = await TestGrpcServer.StartAsync(services => services.AddGrpcHealth());

        // Act
        var result = await RunPythonAsync(server, "");

        // Assert
        Assert.Equal(WireStatus.Serving, Reply(result.GetProperty("check")[0]).Status);
    }

    private static HealthCheckResponse Reply(JsonElement result)
    {
        Assert.Equal("OK", result.GetProperty("code").GetString());
        return HealthCheckResponse.Parser.ParseFrom(Convert.FromHexString(result.GetProperty("reply").GetString()!));
    }

    private static async Task<JsonElement> RunPythonAsync(TestGrpcServer server, params string[] services)
    {
        var requests = services.Select(s => Convert.ToHexString(new HealthCheckRequest { Service = s }.ToByteArray()));
        var run = await ProcessRunner.RunAsync("/usr/bin/python3", ["-c", Script, server.Target, .. requests], TimeSpan.FromSeconds(60));
        Assert.True(run.ExitCode == 0, run.Output);
        return JsonDocument.Parse(run.StandardOutput).RootElement;
    }
}
