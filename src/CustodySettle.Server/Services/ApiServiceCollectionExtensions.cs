using CustodySettle.Access;
using CustodySettle.Api.V1;
using CustodySettle.Grpc;
using CustodySettle.Ledger.Journal;
using CustodySettle.Ledger.Queries;
using CustodySettle.Registry;

namespace CustodySettle.Server.Services;

/// <summary>The product API's wiring: stores, access control and the custodysettle.v1 services.</summary>
internal static class ApiServiceCollectionExtensions
{
    public static IServiceCollection AddCustodySettleApi(this IServiceCollection services)
    {
        services.AddSingleton<PostgresRegistry>();
        services.AddSingleton<PostgresApiKeyStore>();
        services.AddSingleton<LedgerQueries>();
        services.AddSingleton<StatementExporter>();
        services.AddSingleton(sp => new JournalVerifier(sp.GetRequiredService<Npgsql.NpgsqlDataSource>()));
        services.AddSingleton(ApiAccessPolicy.Create());
        services.AddSingleton<AccessMetrics>();
        services.AddSingleton<ScopeGuard>();
        services.AddHostedService<BootstrapKeyService>();

        // Outermost first: domain errors become statuses around everything, then every call is authenticated.
        services.AddGrpcInterceptor<DomainErrorInterceptor>();
        services.AddGrpcInterceptor<AuthenticationInterceptor>();
        services.AddGrpcService<AdminServiceHandler>(AdminServiceReflection.Descriptor.FindTypeByName<Google.Protobuf.Reflection.ServiceDescriptor>("AdminService"));
        services.AddGrpcService<LedgerServiceHandler>(LedgerServiceReflection.Descriptor.FindTypeByName<Google.Protobuf.Reflection.ServiceDescriptor>("LedgerService"));
        return services;
    }
}
