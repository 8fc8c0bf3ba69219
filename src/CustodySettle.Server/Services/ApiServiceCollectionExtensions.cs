using System.Diagnostics.Metrics;
using CustodySettle.Access;
using CustodySettle.Custody;
using CustodySettle.Custody.Confirmations;
using CustodySettle.Custody.Instructions;
using CustodySettle.Custody.Statements;
using CustodySettle.Domain.Ledger;
using CustodySettle.Ledger.Accounts;
using CustodySettle.Margin.Terms;
using CustodySettle.Ledger.Expiry;
using CustodySettle.Ledger.Writing;
using Npgsql;
using CustodySettle.Api.V1;
using CustodySettle.Grpc;
using CustodySettle.Ledger.Journal;
using CustodySettle.Ledger.Queries;
using CustodySettle.Registry;

namespace CustodySettle.Server.Services;

/// <summary>The product API's wiring: stores, access control and the custodysettle.v1 services.</summary>
internal static class ApiServiceCollectionExtensions
{
    public static IServiceCollection AddCustodySettleApi(this IServiceCollection services, ServerSettings settings)
    {
        services.AddChainParts(settings.Chain, settings.Reconciliation);
        services.AddSingleton<PostgresRegistry>();
        services.AddSingleton<PostgresApiKeyStore>();
        services.AddSingleton<LedgerQueries>();
        services.AddSingleton<StatementExporter>();
        services.AddSingleton(sp => new JournalVerifier(sp.GetRequiredService<NpgsqlDataSource>()));
        services.AddSingleton(ApiAccessPolicy.Create());
        services.AddSingleton<AccessMetrics>();
        services.AddSingleton<ScopeGuard>();
        services.AddSingleton<IAccountStore, PostgresAccountStore>();
        services.AddSingleton(new LedgerWriterOptions());
        services.AddSingleton(sp => new PostgresLedgerWriter(
            sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<LedgerWriterOptions>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<PostgresLedgerWriter>>(), sp.GetRequiredService<IMeterFactory>()));
        // Two-phase reservations expire exactly once even with several instances (docs/ledger.md).
        services.AddHostedService<PendingTransferExpirer>();
        services.AddSingleton<ILedgerWriter>(sp => sp.GetRequiredService<PostgresLedgerWriter>());
        services.AddSingleton<CustodyAccounts>();
        services.AddSingleton<PostgresStatementStore>();
        services.AddSingleton<StatementProcessor>();
        services.AddSingleton<ConfirmationProcessor>();
        services.AddSingleton<PostgresInstructionBook>();
        services.AddSingleton<PostgresCreditTermsStore>();
        services.AddHostedService<BootstrapKeyService>();

        // Outermost first: domain errors become statuses around everything, then every call is authenticated.
        services.AddGrpcInterceptor<DomainErrorInterceptor>();
        services.AddGrpcInterceptor<AuthenticationInterceptor>();
        services.AddGrpcService<AdminServiceHandler>(AdminServiceReflection.Descriptor.FindTypeByName<Google.Protobuf.Reflection.ServiceDescriptor>("AdminService"));
        services.AddGrpcService<LedgerServiceHandler>(LedgerServiceReflection.Descriptor.FindTypeByName<Google.Protobuf.Reflection.ServiceDescriptor>("LedgerService"));
        services.AddGrpcService<CustodianServiceHandler>(CustodianServiceReflection.Descriptor.FindTypeByName<Google.Protobuf.Reflection.ServiceDescriptor>("CustodianService"));
        services.AddGrpcService<MarginServiceHandler>(MarginServiceReflection.Descriptor.FindTypeByName<Google.Protobuf.Reflection.ServiceDescriptor>("MarginService"));
        services.AddGrpcService<SettlementServiceHandler>(SettlementServiceReflection.Descriptor.FindTypeByName<Google.Protobuf.Reflection.ServiceDescriptor>("SettlementService"));
        services.AddGrpcService<ReconciliationServiceHandler>(ReconciliationServiceReflection.Descriptor.FindTypeByName<Google.Protobuf.Reflection.ServiceDescriptor>("ReconciliationService"));
        return services;
    }
}
