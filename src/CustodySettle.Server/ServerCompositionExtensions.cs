using System.Net;
using System.Security.Cryptography.X509Certificates;
using CustodySettle.Database;
using CustodySettle.Grpc;
using CustodySettle.Server.Operations;
using CustodySettle.Server.Services;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Npgsql;

namespace CustodySettle.Server;

/// <summary>All of the service's wiring, in one place (after eShop's AddApplicationServices).</summary>
internal static class ServerCompositionExtensions
{
    public static WebApplicationBuilder AddCustodySettle(this WebApplicationBuilder builder, ServerSettings settings)
    {
        builder.Services.AddSingleton(settings);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(ListenAddress(settings.Listen), settings.Listen.Port, listen =>
            {
                if (settings.UsesTls)
                {
                    // With TLS, ALPN negotiates HTTP/2; HTTP/1.1 clients reach the dispatcher and get 426.
                    listen.Protocols = HttpProtocols.Http1AndHttp2;
                    listen.UseHttps(LoadCertificate(settings));
                }
                else
                {
                    // Plain text: HTTP/2 with prior knowledge only (h2c), GRPC-WIRE.md rule 1.
                    listen.Protocols = HttpProtocols.Http2;
                }
            });
        });

        builder.Services.AddGrpcTransport(options => options.MaxReceiveMessageSize = settings.MaxReceiveMessageSize);
        builder.Services.AddGrpcHealth();
        builder.Services.AddGrpcReflection();

        if (settings.PostgresConnectionString is { } connectionString)
        {
            builder.Services.AddSingleton(_ => new OwnerDataSource(NpgsqlDataSource.Create(connectionString)));
            builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(OwnerDataSource.ServiceConnectionString(connectionString)));
            builder.Services.AddSingleton(sp => new MigrationRunner(MigrationSource.Embedded(), sp.GetRequiredService<ILogger<MigrationRunner>>()));
            builder.Services.AddHostedService<DatabaseMigrationService>();
            builder.Services.AddCustodySettleApi(settings);
        }

        builder.AddOperations(settings);
        return builder;
    }

    public static WebApplication UseCustodySettle(this WebApplication app)
    {
        app.UseOperations();
        app.UseGrpcTransport();
        return app;
    }

    private static IPAddress ListenAddress(Uri listen) => listen.Host switch
    {
        "localhost" => IPAddress.Loopback,
        "*" or "+" => IPAddress.Any,
        var host => IPAddress.TryParse(host, out var address)
            ? address
            : throw new InvalidOperationException($"CS_LISTEN host must be an IP address or localhost, not '{host}'"),
    };

    private static X509Certificate2 LoadCertificate(ServerSettings settings)
    {
        using var pem = X509Certificate2.CreateFromPemFile(settings.TlsCertificatePath!, settings.TlsKeyPath);
        // Kestrel needs the key in a form SslStream can use on every platform: round-trip through PKCS#12.
        return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), password: null);
    }
}
