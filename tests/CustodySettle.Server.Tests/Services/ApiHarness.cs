using CustodySettle.Access;
using CustodySettle.Api.V1;
using CustodySettle.Custody.Mirroring;

using CustodySettle.Grpc;
using CustodySettle.Grpc.Client;
using CustodySettle.Testing;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace CustodySettle.Server.Tests.Services;

/// <summary>
/// The service as composed for production, on a fresh migrated database, with a bootstrap operator key,
/// and a client channel to it over the real transport. Calls take the key to send, so a test can play
/// any principal.
/// </summary>
internal sealed class ApiHarness : IAsyncDisposable
{
    private readonly ServerHost _server;

    private ApiHarness(TestDatabase database, ServerHost server, string operatorKey)
    {
        Database = database;
        _server = server;
        OperatorKey = operatorKey;
        Channel = new GrpcClientChannel(server.Address);
    }

    public TestDatabase Database { get; }

    public GrpcClientChannel Channel { get; }

    public string OperatorKey { get; }

    public string Target => _server.Target;

    /// <summary>One of the running service's own parts (to drive a pass the test times itself).</summary>
    public T Service<T>() => (T)_server.Services.GetService(typeof(T))!;

    /// <summary>Asks the service's mirror for a pass now.</summary>
    public void PokeMirror() => ((IMirrorTrigger)_server.Services.GetService(typeof(IMirrorTrigger))!).Poke();

    /// <summary>The service on a fresh database; with <paramref name="chain"/>, also the mirror and reconciliation.</summary>
    public static async Task<ApiHarness> StartAsync(ChainSettings? chain = null)
    {
        var database = await TestDatabase.CreateMigratedAsync();
        var (_, operatorKey) = ApiKeyToken.Generate();
        var server = await ServerHost.StartAsync(new ServerSettings
        {
            Listen = new Uri("http://127.0.0.1:0"),
            PostgresConnectionString = database.ConnectionString,
            BootstrapOperatorKey = operatorKey,
            Chain = chain,
            Reconciliation = new() { Schedule = null },
        });
        return new ApiHarness(database, server, operatorKey);
    }

    public static GrpcMethod<TRequest, TResponse> Method<TRequest, TResponse>(ServiceDescriptor service, string name)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse> => new(service.FindMethodByName(name));

    public Task<TResponse> CallAsync<TRequest, TResponse>(ServiceDescriptor service, string name, TRequest request, string? key)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse>
    {
        var headers = new Metadata();
        if (key is not null)
        {
            headers.Add("authorization", $"Bearer {key}");
        }

        return Channel.UnaryAsync(Method<TRequest, TResponse>(service, name), request, new GrpcCallOptions(headers, DateTimeOffset.UtcNow.AddSeconds(30)));
    }

    public Task<TResponse> AdminAsync<TRequest, TResponse>(string name, TRequest request, string? key = null)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse> => CallAsync<TRequest, TResponse>(AdminService, name, request, key ?? OperatorKey);

    public Task<TResponse> LedgerAsync<TRequest, TResponse>(string name, TRequest request, string key)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse> => CallAsync<TRequest, TResponse>(LedgerService, name, request, key);

    /// <summary>A new key of <paramref name="role"/> for <paramref name="scopeId"/>, issued by the operator.</summary>
    public async Task<string> IssueKeyAsync(Role role, string scopeId = "")
    {
        var response = await AdminAsync<CreateApiKeyRequest, CreateApiKeyResponse>(
            "CreateApiKey", new CreateApiKeyRequest { RequestId = Guid.NewGuid().ToString(), Role = role, ScopeId = scopeId, Label = $"test {role}" });
        return response.Secret;
    }

    public static ServiceDescriptor AdminService => AdminServiceReflection.Descriptor.FindTypeByName<ServiceDescriptor>("AdminService");

    public static ServiceDescriptor LedgerService => LedgerServiceReflection.Descriptor.FindTypeByName<ServiceDescriptor>("LedgerService");

    public static ServiceDescriptor ReconciliationService => ReconciliationServiceReflection.Descriptor.FindTypeByName<ServiceDescriptor>("ReconciliationService");

    public static ServiceDescriptor CustodianService => CustodianServiceReflection.Descriptor.FindTypeByName<ServiceDescriptor>("CustodianService");

    /// <summary>Every service of the product API, for the tests that walk all of them.</summary>
    public static ServiceDescriptor MarginService => MarginServiceReflection.Descriptor.FindTypeByName<ServiceDescriptor>("MarginService");

    public static ServiceDescriptor SettlementService => SettlementServiceReflection.Descriptor.FindTypeByName<ServiceDescriptor>("SettlementService");

    public static IReadOnlyList<ServiceDescriptor> AllServices => [AdminService, LedgerService, CustodianService, ReconciliationService, MarginService, SettlementService];

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await _server.DisposeAsync();
        await Database.DisposeAsync();
    }
}
