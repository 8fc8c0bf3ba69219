using System.Diagnostics.Metrics;
using System.Net;
using CustodySettle.Grpc.Health;
using Npgsql;

namespace CustodySettle.Server.Operations;

/// <summary>
/// What on-call needs from the server: readiness in gRPC health, and metrics and /healthz on an admin
/// port of their own (CS_ADMIN_LISTEN), so a Prometheus scraper never shares the gRPC listener.
/// </summary>
internal static class OperationsServiceCollectionExtensions
{
    /// <summary>
    /// Call after the database is registered: readiness checks the service data source when there is
    /// one, and its first check must run after the migrations (hosted services start in order).
    /// </summary>
    public static WebApplicationBuilder AddOperations(this WebApplicationBuilder builder, ServerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(settings);
        var services = builder.Services;
        if ((settings.Chain?.RpcUrl ?? settings.ChainRpcUrl) is { } chain)
        {
            services.AddSingleton(_ => new ChainReadinessCheck(chain));
        }

        services.AddSingleton(sp => new ReadinessService(
            Checks(sp), sp.GetRequiredService<HealthStatusRegistry>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<ReadinessService>>(), sp.GetRequiredService<IMeterFactory>()));
        services.AddHostedService(sp => sp.GetRequiredService<ReadinessService>());

        if (settings.AdminListen is { } admin)
        {
            var listener = new AdminListener();
            services.AddSingleton(listener);
            services.AddSingleton(sp => new MetricsCollector(sp.GetRequiredService<IMeterFactory>()));
            services.AddSingleton<AdminEndpoint>();
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(AdminAddress(admin), admin.Port, listener.Configure));
        }

        return builder;
    }

    /// <summary>Before UseGrpcTransport: admin-port requests end here and never reach the dispatcher.</summary>
    public static WebApplication UseOperations(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Services.GetService<AdminListener>() is { } listener)
        {
            // Resolved now, not at the first scrape: the collector only sees measurements made after it exists.
            var endpoint = app.Services.GetRequiredService<AdminEndpoint>();
            app.MapWhen(listener.Accepted, admin => admin.Run(endpoint.HandleAsync));
        }

        return app;
    }

    private static IEnumerable<IReadinessCheck> Checks(IServiceProvider services)
    {
        if (services.GetService<NpgsqlDataSource>() is { } dataSource)
        {
            yield return new PostgresReadinessCheck(dataSource);
        }

        if (services.GetService<ChainReadinessCheck>() is { } chain)
        {
            yield return chain;
        }
    }

    // ServerSettings allows only localhost or an IP address here.
    private static IPAddress AdminAddress(Uri admin) => admin.Host == "localhost" ? IPAddress.Loopback : IPAddress.Parse(admin.Host);
}
