using CustodySettle.Testing.Grpc;

namespace CustodySettle.Grpc.Tests.Interop;

/// <summary>One server for a peer's whole scenario list; each scenario is a case of its own.</summary>
public sealed class InteropServerFixture : IAsyncLifetime
{
    public TestGrpcServer Server { get; private set; } = null!;

    /// <summary>The scenario names both peers implement (tests/interop/README.md).</summary>
    public static TheoryData<string> Scenarios =>
    [
        "unary", "status_codes", "deadline", "cancel_stream", "oversize", "unknown_service", "unknown_method",
        "metadata", "slow_reader", "client_stream", "duplex", "health", "reflection",
    ];

    public async Task InitializeAsync() => Server = await TestGrpcServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
