using CustodySettle.Grpc.Health;
using CustodySettle.Testing.Interop;
using Microsoft.Extensions.Logging.Abstractions;
using HealthProto = Grpc.Health.V1.HealthReflection;

namespace CustodySettle.Grpc.Tests.Health;

public sealed class HealthStatusDefaultsTests
{
    private readonly HealthStatusRegistry _registry = new(NullLogger<HealthStatusRegistry>.Instance);

    [Fact]
    public async Task StartedAsync_RegisteredServices_ServerAndEachServiceServing()
    {
        // Arrange
        var sut = CreateSut();

        // Act
        await sut.StartedAsync(CancellationToken.None);

        // Assert
        Assert.Equal(ServingStatus.Serving, _registry.Get(""));
        Assert.Equal(ServingStatus.Serving, _registry.Get("custodysettle.testing.v1.Echo"));
        Assert.Equal(ServingStatus.Serving, _registry.Get("grpc.health.v1.Health"));
    }

    [Fact]
    public async Task StartAsync_BeforeStarted_NothingServingYet()
    {
        // Arrange
        var sut = CreateSut();

        // Act
        await sut.StartingAsync(CancellationToken.None);
        await sut.StartAsync(CancellationToken.None);

        // Assert
        Assert.Null(_registry.Get(""));
    }

    [Fact]
    public async Task StartedAsync_ApplicationSetAStatusFirst_KeepsIt()
    {
        // Arrange
        var sut = CreateSut();
        _registry.Set("custodysettle.testing.v1.Echo", ServingStatus.NotServing);

        // Act
        await sut.StartedAsync(CancellationToken.None);

        // Assert
        Assert.Equal(ServingStatus.NotServing, _registry.Get("custodysettle.testing.v1.Echo"));
        Assert.Equal(ServingStatus.Serving, _registry.Get(""));
    }

    [Fact]
    public async Task StoppingAsync_AfterStart_EverythingNotServing()
    {
        // Arrange
        var sut = CreateSut();
        await sut.StartedAsync(CancellationToken.None);

        // Act
        await sut.StoppingAsync(CancellationToken.None);

        // Assert
        Assert.Equal(ServingStatus.NotServing, _registry.Get(""));
        Assert.Equal(ServingStatus.NotServing, _registry.Get("custodysettle.testing.v1.Echo"));
    }

    private HealthStatusDefaults CreateSut() => new(
        _registry,
        [
            new GrpcServiceRegistration(EchoReflection.Descriptor.Services[0], typeof(EchoHandler)),
            new GrpcServiceRegistration(HealthProto.Descriptor.Services[0], typeof(HealthService)),
        ]);
}
