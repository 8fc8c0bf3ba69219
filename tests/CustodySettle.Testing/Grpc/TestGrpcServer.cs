using CustodySettle.Grpc;
using CustodySettle.Testing.Interop;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CustodySettle.Testing.Grpc;

/// <summary>
/// A real Kestrel server on 127.0.0.1 (port chosen by the OS) serving the Echo test service over the
/// gRPC transport, plain-text HTTP/2 with prior knowledge (h2c), as the product serves on loopback.
/// </summary>
public sealed class TestGrpcServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestGrpcServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    /// <summary><c>http://127.0.0.1:PORT</c>.</summary>
    public Uri Address { get; }

    /// <summary><c>127.0.0.1:PORT</c>, as peers' command lines take it.</summary>
    public string Target => $"{Address.Host}:{Address.Port}";

    public IServiceProvider Services => _app.Services;

    /// <summary>Starts a server; <paramref name="configure"/> adds services, interceptors or options.</summary>
    public static async Task<TestGrpcServer> StartAsync(
        Action<IServiceCollection>? configure = null,
        Action<GrpcServerOptions>? options = null,
        HttpProtocols protocols = HttpProtocols.Http2)
    {
        var builder = WebApplication.CreateSlimBuilder();
        // Quiet by default; CS_TEST_LOG=1 shows the server's logs when a test needs explaining.
        if (Environment.GetEnvironmentVariable("CS_TEST_LOG") != "1")
        {
            builder.Logging.ClearProviders();
        }
        else
        {
            builder.Logging.SetMinimumLevel(LogLevel.Debug);
        }

        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0, listen => listen.Protocols = protocols));
        builder.Services.AddGrpcTransport(options);
        builder.Services.AddSingleton<EchoObservations>();
        builder.Services.AddGrpcService<EchoHandler>(EchoReflection.Descriptor.Services[0]);
        builder.Services.AddGrpcHealth().AddGrpcReflection();
        configure?.Invoke(builder.Services);
        var app = builder.Build();
        app.UseGrpcTransport();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new TestGrpcServer(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(timeout.Token);
        await _app.DisposeAsync();
    }
}
