using CustodySettle.Server.Operations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CustodySettle.Server.Tests;

/// <summary>The product's own composition (AddCustodySettle/UseCustodySettle), started in-process on a free port.</summary>
internal sealed class ServerHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ServerHost(WebApplication app, Uri address, Uri? adminAddress)
    {
        _app = app;
        Address = address;
        AdminAddress = adminAddress;
    }

    /// <summary>The gRPC listener.</summary>
    public Uri Address { get; }

    /// <summary>The admin listener (/metrics, /healthz), when the settings ask for one.</summary>
    public Uri? AdminAddress { get; }

    public string Target => $"{Address.Host}:{Address.Port}";

    public IServiceProvider Services => _app.Services;

    public static async Task<ServerHost> StartAsync(ServerSettings settings)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.AddCustodySettle(settings);
        var app = builder.Build();
        app.UseCustodySettle();
        await app.StartAsync();
        // With an admin listener Kestrel has two addresses: the gRPC one is the other one.
        var admin = app.Services.GetService<AdminListener>()?.BoundEndPoint;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .Select(a => new Uri(a.Replace("[::]", "127.0.0.1", StringComparison.Ordinal)))
            .Single(a => admin is null || a.Port != admin.Port);
        return new ServerHost(app, address, admin is null ? null : new Uri($"http://{admin}"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
