using CustodySettle.Grpc.Client;
using CustodySettle.Testing.Grpc;

namespace CustodySettle.Grpc.Tests.Client;

/// <summary>A real Echo server (Kestrel, h2c on 127.0.0.1) shared by one test class.</summary>
public sealed class EchoServerFixture : IAsyncLifetime
{
    public TestGrpcServer Server { get; private set; } = null!;

    /// <summary>What the server saw of each call's request headers.</summary>
    public RequestHeadersRecorder Recorder => (RequestHeadersRecorder)Server.Services.GetService(typeof(RequestHeadersRecorder))!;

    public GrpcClientChannel CreateChannel(GrpcClientOptions? options = null) => new(Server.Address, options);

    public async Task InitializeAsync() =>
        Server = await TestGrpcServer.StartAsync(services => services.AddGrpcInterceptor<RequestHeadersRecorder>());

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
