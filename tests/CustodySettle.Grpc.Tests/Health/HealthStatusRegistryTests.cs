using CustodySettle.Grpc.Health;
using Microsoft.Extensions.Logging.Abstractions;

namespace CustodySettle.Grpc.Tests.Health;

public sealed class HealthStatusRegistryTests
{
    [Fact]
    public void Get_NeverSet_ReturnsNull()
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var status = sut.Get("custodysettle.v1.Settlement");

        // Assert
        Assert.Null(status);
    }

    [Theory]
    [InlineData("", ServingStatus.Serving)]
    [InlineData("custodysettle.v1.Settlement", ServingStatus.NotServing)]
    [InlineData("custodysettle.v1.Settlement", ServingStatus.Unknown)]
    public void Get_AfterSet_ReturnsStatusSet(string service, ServingStatus status)
    {
        // Arrange
        var sut = CreateSut();

        // Act
        sut.Set(service, status);

        // Assert
        Assert.Equal(status, sut.Get(service));
    }

    [Fact]
    public void Set_UndefinedStatus_Throws()
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var set = () => sut.Set("", (ServingStatus)3);

        // Assert
        Assert.Throws<ArgumentOutOfRangeException>(set);
    }

    [Fact]
    public void Set_NewStatus_CompletesTheChangeSignalObservedBefore()
    {
        // Arrange
        var sut = CreateSut();
        sut.Set("a", ServingStatus.Serving);
        var (_, changed) = sut.Observe("a");

        // Act
        sut.Set("a", ServingStatus.NotServing);

        // Assert
        Assert.True(changed.IsCompleted);
        var (status, next) = sut.Observe("a");
        Assert.Equal(ServingStatus.NotServing, status);
        Assert.False(next.IsCompleted);
    }

    [Fact]
    public void Set_SameStatusAgain_DoesNotSignal()
    {
        // Arrange
        var sut = CreateSut();
        sut.Set("a", ServingStatus.Serving);
        var (_, changed) = sut.Observe("a");

        // Act
        sut.Set("a", ServingStatus.Serving);

        // Assert
        Assert.False(changed.IsCompleted);
    }

    [Fact]
    public void Observe_UnknownService_ReturnsNullAndAddsNothing()
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var (status, _) = sut.Observe("no.such.Service");

        // Assert
        Assert.Null(status);
        Assert.Null(sut.Get("no.such.Service"));
    }

    [Fact]
    public void SetDefaults_SomeAlreadySet_KeepsTheApplicationsStatus()
    {
        // Arrange
        var sut = CreateSut();
        sut.Set("b", ServingStatus.NotServing);

        // Act
        sut.SetDefaults(["", "a", "b"], ServingStatus.Serving);

        // Assert
        Assert.Equal(ServingStatus.Serving, sut.Get(""));
        Assert.Equal(ServingStatus.Serving, sut.Get("a"));
        Assert.Equal(ServingStatus.NotServing, sut.Get("b"));
    }

    [Fact]
    public void Shutdown_KnownServices_AllNotServingAndSignalled()
    {
        // Arrange
        var sut = CreateSut();
        sut.SetDefaults(["", "a"], ServingStatus.Serving);
        var (_, changed) = sut.Observe("a");

        // Act
        sut.Shutdown();

        // Assert
        Assert.True(changed.IsCompleted);
        Assert.Equal(ServingStatus.NotServing, sut.Get(""));
        Assert.Equal(ServingStatus.NotServing, sut.Get("a"));
    }

    [Fact]
    public void Set_AfterShutdown_Ignored()
    {
        // Arrange
        var sut = CreateSut();
        sut.Set("a", ServingStatus.Serving);
        sut.Shutdown();

        // Act
        sut.Set("a", ServingStatus.Serving);
        sut.Set("b", ServingStatus.Serving);

        // Assert
        Assert.Equal(ServingStatus.NotServing, sut.Get("a"));
        Assert.Null(sut.Get("b"));
    }

    private static HealthStatusRegistry CreateSut() => new(NullLogger<HealthStatusRegistry>.Instance);
}
