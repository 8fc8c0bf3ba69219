using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CustodySettle.Testing;
using Dapper;

namespace CustodySettle.Server.Tests;

/// <summary>The service as composed for production, driven by real grpcio.</summary>
public sealed class ServerCompositionTests : IDisposable
{
    private const string Python = "/usr/bin/python3";
    private readonly string _scratch = Directory.CreateTempSubdirectory("cs-server-").FullName;
    private string _certificatePath = string.Empty;

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    [Fact]
    public async Task Start_PlainText_ServesHealthAndReflectionOverH2c()
    {
        await using var server = await ServerHost.StartAsync(new ServerSettings { Listen = new Uri("http://127.0.0.1:0") });

        var health = await Probe(server.Target, "health");
        var services = await Probe(server.Target, "services");

        Assert.Equal("SERVING", health.StandardOutput.Trim());
        Assert.Equal(
            ["grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection"],
            services.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Start_WithDatabase_AppliesMigrationsBeforeServing()
    {
        await using var empty = await TestDatabase.CreateEmptyAsync();

        await using var server = await ServerHost.StartAsync(new ServerSettings
        {
            Listen = new Uri("http://127.0.0.1:0"),
            PostgresConnectionString = empty.ConnectionString,
        });

        await using var connection = await empty.DataSource.OpenConnectionAsync();
        Assert.Equal(
            CustodySettle.Database.MigrationSource.Embedded().Count,
            await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM schema_migrations"));
    }

    [Fact]
    public async Task Start_WithTls_GrpcioVerifiesTheCertificateAndCallsHealth()
    {
        await using var server = await StartTlsServerAsync();
        var certificate = _certificatePath;
        var script = $$"""
            import grpc
            creds = grpc.ssl_channel_credentials(root_certificates=open("{{certificate}}", "rb").read())
            with grpc.secure_channel("localhost:{{server.Address.Port}}", creds) as channel:
                check = channel.unary_unary("/grpc.health.v1.Health/Check", request_serializer=lambda b: b, response_deserializer=lambda b: b)
                print(check(b"", timeout=10).hex())
            """;

        var result = await ProcessRunner.RunAsync(Python, ["-c", script], TimeSpan.FromSeconds(60));

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Equal("0801", result.StandardOutput.Trim()); // HealthCheckResponse{status: SERVING}
    }

    [Fact]
    public async Task Start_WithTls_Http11ClientGets426AndInternal()
    {
        await using var server = await StartTlsServerAsync();
        using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, _) => true };
        using var client = new HttpClient(handler);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server.Address, "/grpc.health.v1.Health/Check"))
        {
            Version = HttpVersion.Version11,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent([0, 0, 0, 0, 0]),
        };
        request.Content.Headers.TryAddWithoutValidation("content-type", "application/grpc");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.UpgradeRequired, response.StatusCode);
        Assert.Equal("13", response.Headers.GetValues("grpc-status").Single());
    }

    private static Task<ProcessResult> Probe(string target, string question) =>
        ProcessRunner.RunAsync(Python, [RepositoryPaths.Combine("scripts", "grpc_probe.py"), target, question], TimeSpan.FromSeconds(60));

    /// <summary>The service over TLS with a fresh self-signed certificate for localhost and 127.0.0.1.</summary>
    private Task<ServerHost> StartTlsServerAsync()
    {
        var (certificate, key) = WriteSelfSignedCertificate();
        _certificatePath = certificate;
        return ServerHost.StartAsync(new ServerSettings
        {
            Listen = new Uri("https://127.0.0.1:0"),
            TlsCertificatePath = certificate,
            TlsKeyPath = key,
        });
    }

    private (string Certificate, string Key) WriteSelfSignedCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var certificatePath = Path.Combine(_scratch, "server.crt");
        var keyPath = Path.Combine(_scratch, "server.key");
        File.WriteAllText(certificatePath, certificate.ExportCertificatePem());
        File.WriteAllText(keyPath, rsa.ExportPkcs8PrivateKeyPem());
        return (certificatePath, keyPath);
    }
}
