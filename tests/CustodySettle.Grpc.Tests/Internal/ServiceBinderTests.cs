using System.Diagnostics.CodeAnalysis;
using CustodySettle.Grpc.Internal;
using CustodySettle.Testing.Interop;
using Microsoft.Extensions.DependencyInjection;

namespace CustodySettle.Grpc.Tests.Internal;

[SuppressMessage("Performance", "CA1822", Justification = "Handler shapes under test are instance methods.")]
public sealed class ServiceBinderTests
{
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Echo = EchoReflection.Descriptor.Services[0];

    private static Func<HandlerActivator> Transient(Type handler) =>
        () => new HandlerActivator(handler, ServiceLifetime.Transient, new ServiceCollection().BuildServiceProvider());

    [Fact]
    public void Bind_CompleteHandler_BindsEveryRpcByPath()
    {
        var bindings = ServiceBinder.Bind(Echo, typeof(EchoHandler), Transient(typeof(EchoHandler)), out var handlers);

        Assert.Equal(
            ["/custodysettle.testing.v1.Echo/Unary", "/custodysettle.testing.v1.Echo/ServerStream", "/custodysettle.testing.v1.Echo/ClientStream",
             "/custodysettle.testing.v1.Echo/Duplex", "/custodysettle.testing.v1.Echo/Sleep", "/custodysettle.testing.v1.Echo/Observe"],
            bindings.Select(b => b.Path));
        Assert.IsType<UnaryServerCallHandler<EchoRequest, EchoReply>>(handlers[bindings[0]]);
        Assert.IsType<ServerStreamingServerCallHandler<StreamRequest, EchoReply>>(handlers[bindings[1]]);
        Assert.IsType<ClientStreamingServerCallHandler<EchoRequest, EchoReply>>(handlers[bindings[2]]);
        Assert.IsType<DuplexStreamingServerCallHandler<EchoRequest, EchoReply>>(handlers[bindings[3]]);
    }

    [Fact]
    public void Bind_MissingRpcAndExtraMethod_FailsNamingBoth()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ServiceBinder.Bind(Echo, typeof(IncompleteHandler), Transient(typeof(IncompleteHandler)), out _));

        Assert.Contains("RPC custodysettle.testing.v1.Echo/ServerStream has no handler", error.Message, StringComparison.Ordinal);
        Assert.Contains("IncompleteHandler.Helper matches no RPC", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_WrongShape_FailsWithTheExpectedSignature()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ServiceBinder.Bind(Echo, typeof(WrongShapeHandler), Transient(typeof(WrongShapeHandler)), out _));

        Assert.Contains("WrongShapeHandler.Unary must be Task<EchoReply> Unary(EchoRequest, ServerCallContext) for the unary RPC", error.Message, StringComparison.Ordinal);
    }

    private sealed class IncompleteHandler
    {
        public Task<EchoReply> Unary(EchoRequest request, ServerCallContext context) => Task.FromResult(new EchoReply());

        public Task<EchoReply> ClientStream(IAsyncStreamReader<EchoRequest> requests, ServerCallContext context) => Task.FromResult(new EchoReply());

        public Task Duplex(IAsyncStreamReader<EchoRequest> requests, IAsyncStreamWriter<EchoReply> responses, ServerCallContext context) => Task.CompletedTask;

        public Task<EchoReply> Sleep(SleepRequest request, ServerCallContext context) => Task.FromResult(new EchoReply());

        public Task<Observation> Observe(ObserveRequest request, ServerCallContext context) => Task.FromResult(new Observation());

        public void Helper()
        {
        }
    }

    private sealed class WrongShapeHandler
    {
        public EchoReply Unary(EchoRequest request) => new();
    }
}
