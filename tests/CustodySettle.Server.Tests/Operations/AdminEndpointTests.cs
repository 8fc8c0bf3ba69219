using System.Net;
using CustodySettle.Testing;

namespace CustodySettle.Server.Tests.Operations;

/// <summary>The admin port of the service as composed for production, next to its gRPC port.</summary>
public sealed class AdminEndpointTests : IDisposable
{
    private const string Python = "/usr/bin/python3";
    private const int ClosedPort = 1;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public void Dispose() => _http.Dispose();

    private static Task<ServerHost> StartAsync(string? postgres = null, Uri? chain = null) => ServerHost.StartAsync(new ServerSettings
    {
        Listen = new Uri("http://127.0.0.1:0"),
        AdminListen = new Uri("http://127.0.0.1:0"),
        PostgresConnectionString = postgres,
        ChainRpcUrl = chain,
    });

    [Fact]
    public async Task Metrics_AfterAGrpcCall_ReportsTheCallInPrometheusText()
    {
        await using var server = await StartAsync();
        var probe = await Probe(server.Target);
        Assert.True(probe.ExitCode == 0, probe.Output);

        // The dispatcher records a call once its response is finished, which can be just after the client has it.
        const string Expected = "rpc_server_calls_total{rpc_grpc_status_code=\"0\",rpc_method=\"/grpc.health.v1.Health/Check\"} 1\n";
        var (status, contentType, body) = await GetAsync(server, "/metrics");
        for (var attempt = 0; attempt < 50 && !body.Contains(Expected, StringComparison.Ordinal); attempt++)
        {
            await Task.Delay(100);
            (status, contentType, body) = await GetAsync(server, "/metrics");
        }

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", contentType);
        Assert.Contains(Expected, body, StringComparison.Ordinal);
        Assert.Contains("# TYPE rpc_server_duration histogram\n", body, StringComparison.Ordinal);
        Assert.Contains("rpc_server_duration_count{rpc_grpc_status_code=\"0\",rpc_method=\"/grpc.health.v1.Health/Check\"} 1\n", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Healthz_NothingToCheck_200Ok()
    {
        await using var server = await StartAsync();

        var (status, _, body) = await GetAsync(server, "/healthz");

        Assert.Equal((HttpStatusCode.OK, "ok\n"), (status, body));
    }

    [Fact]
    public async Task Healthz_WithDatabase_200AndReadyGaugeForPostgres()
    {
        await using var database = await TestDatabase.CreateEmptyAsync();
        await using var server = await StartAsync(postgres: database.ConnectionString);

        var (health, _, _) = await GetAsync(server, "/healthz");
        var (_, _, metrics) = await GetAsync(server, "/metrics");

        Assert.Equal(HttpStatusCode.OK, health);
        Assert.Contains("custodysettle_ready{check=\"postgresql\"} 1\n", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Healthz_ChainUnreachable_503NamingTheCheckAndGrpcHealthNotServing()
    {
        await using var server = await StartAsync(chain: new Uri($"http://127.0.0.1:{ClosedPort}"));

        var (status, _, body) = await GetAsync(server, "/healthz");
        var probe = await Probe(server.Target);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.StartsWith("chain: ", body, StringComparison.Ordinal);
        Assert.Equal("NOT_SERVING", probe.StandardOutput.Trim());
    }

    [Fact]
    public async Task AdminPort_GrpcRequest_NotFoundAndNeverTheDispatcher()
    {
        await using var server = await StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server.AdminAddress!, "/grpc.health.v1.Health/Check"))
        {
            Content = new ByteArrayContent([0, 0, 0, 0, 0]),
        };
        request.Content.Headers.TryAddWithoutValidation("content-type", "application/grpc");

        using var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(response.Headers.Contains("grpc-status"));
    }

    [Fact]
    public async Task GrpcPort_MetricsPath_NotServed()
    {
        await using var server = await StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(server.Address, "/metrics"))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };

        using var response = await _http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("# TYPE", body, StringComparison.Ordinal);
    }

    private static Task<ProcessResult> Probe(string target) =>
        ProcessRunner.RunAsync(Python, [RepositoryPaths.Combine("scripts", "grpc_probe.py"), target, "health"], TimeSpan.FromSeconds(60));

    private async Task<(HttpStatusCode Status, string? ContentType, string Body)> GetAsync(ServerHost server, string path)
    {
        using var response = await _http.GetAsync(new Uri(server.AdminAddress!, path));
        return (response.StatusCode, response.Content.Headers.ContentType?.ToString(), await response.Content.ReadAsStringAsync());
    }
}
