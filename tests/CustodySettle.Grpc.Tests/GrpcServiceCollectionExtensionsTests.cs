using CustodySettle.Testing.Interop;
using Microsoft.Extensions.DependencyInjection;

namespace CustodySettle.Grpc.Tests;

public sealed class GrpcServiceCollectionExtensionsTests
{
    [Fact]
    public void AddGrpcService_SameServiceTwice_RejectedAtRegistration()
    {
        var services = new ServiceCollection().AddGrpcTransport();
        services.AddGrpcService<EchoHandler>(EchoReflection.Descriptor.Services[0]);

        var error = Assert.Throws<InvalidOperationException>(
            () => services.AddGrpcService<EchoHandler>(EchoReflection.Descriptor.Services[0]));

        Assert.Contains("custodysettle.testing.v1.Echo is already registered", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddGrpcTransport_NonPositiveReceiveLimit_Rejected()
    {
        Assert.Throws<ArgumentException>(() => new ServiceCollection().AddGrpcTransport(o => o.MaxReceiveMessageSize = 0));
    }
}
