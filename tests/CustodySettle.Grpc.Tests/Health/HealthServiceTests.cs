using CustodySettle.Grpc.Health;
using CustodySettle.Grpc.Tests.Fakes;
using Grpc.Health.V1;
using Microsoft.Extensions.Logging.Abstractions;
using WireStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace CustodySettle.Grpc.Tests.Health;

public sealed class HealthServiceTests : IDisposable
{
    private const string Service = "custodysettle.v1.Settlement";
    private readonly HealthStatusRegistry _registry = new(NullLogger<HealthStatusRegistry>.Instance);
    private readonly CancellationTokenSource _cancellation = new();
    private readonly FakeStreamWriter<HealthCheckResponse> _responses = new();

    [Theory]
    [InlineData(ServingStatus.Serving, 1)]
    [InlineData(ServingStatus.NotServing, 2)]
    [InlineData(ServingStatus.Unknown, 0)]
    public async Task Check_KnownService_ReturnsItsStatus(ServingStatus status, int expectedWireValue)
    {
        // Arrange
        var sut = CreateSut();
        _registry.Set(Service, status);

        // Act
        var response = await sut.Check(new HealthCheckRequest { Service = Service }, Context("Check"));

        // Assert
        Assert.Equal((WireStatus)expectedWireValue, response.Status);
    }

    [Fact]
    public async Task Check_UnknownService_ThrowsNotFound()
    {
        // Arrange
        var sut = CreateSut();
        _registry.Set("", ServingStatus.Serving);

        // Act
        var check = () => sut.Check(new HealthCheckRequest { Service = Service }, Context("Check"));

        // Assert
        var error = await Assert.ThrowsAsync<RpcException>(check);
        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task Watch_KnownService_FirstMessageIsCurrentStatus()
    {
        // Arrange
        var sut = CreateSut();
        _registry.Set(Service, ServingStatus.NotServing);

        // Act
        var watch = StartWatch(sut);

        // Assert
        Assert.Equal(WireStatus.NotServing, (await _responses.NextAsync()).Status);
        Assert.False(watch.IsCompleted);
    }

    [Fact]
    public async Task Watch_UnknownServiceBecomesKnown_ServiceUnknownThenItsStatus()
    {
        // Arrange
        var sut = CreateSut();
        _ = StartWatch(sut);
        var first = await _responses.NextAsync();

        // Act
        _registry.Set(Service, ServingStatus.Serving);

        // Assert
        Assert.Equal(WireStatus.ServiceUnknown, first.Status);
        Assert.Equal(WireStatus.Serving, (await _responses.NextAsync()).Status);
    }

    [Fact]
    public async Task Watch_StatusChanges_OneMessagePerChange()
    {
        // Arrange
        var sut = CreateSut();
        _registry.Set(Service, ServingStatus.Serving);
        _ = StartWatch(sut);
        var seen = new List<WireStatus> { (await _responses.NextAsync()).Status };

        // Act: each change is awaited before the next, so none may be skipped.
        foreach (var status in new[] { ServingStatus.NotServing, ServingStatus.Serving, ServingStatus.Unknown })
        {
            _registry.Set(Service, status);
            seen.Add((await _responses.NextAsync()).Status);
        }

        // Assert
        Assert.Equal([WireStatus.Serving, WireStatus.NotServing, WireStatus.Serving, WireStatus.Unknown], seen);
    }

    [Fact]
    public async Task Watch_OtherServiceOrSameStatusSet_SendsNothing()
    {
        // Arrange
        var sut = CreateSut();
        _registry.Set(Service, ServingStatus.Serving);
        _ = StartWatch(sut);
        await _responses.NextAsync();

        // Act: both wake the watcher; give it time to (wrongly) write before looking.
        _registry.Set("", ServingStatus.NotServing);
        _registry.Set(Service, ServingStatus.Serving);
        await Task.Delay(TimeSpan.FromMilliseconds(200));

        // Assert
        Assert.False(_responses.HasPending);
        _registry.Set(Service, ServingStatus.NotServing);
        Assert.Equal(WireStatus.NotServing, (await _responses.NextAsync()).Status);
    }

    [Fact]
    public async Task Watch_SlowClient_SkipsIntermediateStatesButGetsTheLatest()
    {
        // Arrange: the client reads nothing, so the first write waits.
        var sut = CreateSut();
        _registry.Set(Service, ServingStatus.Serving);
        _responses.Pause();
        _ = StartWatch(sut);

        // Act
        _registry.Set(Service, ServingStatus.NotServing);
        _registry.Set(Service, ServingStatus.Unknown);
        _registry.Set(Service, ServingStatus.NotServing);
        _responses.Resume();

        // Assert
        Assert.Equal(WireStatus.Serving, (await _responses.NextAsync()).Status);
        Assert.Equal(WireStatus.NotServing, (await _responses.NextAsync()).Status);
        _registry.Set(Service, ServingStatus.Serving);
        Assert.Equal(WireStatus.Serving, (await _responses.NextAsync()).Status);
    }

    [Fact]
    public async Task Watch_ConcurrentChanges_LastMessageIsTheFinalStatus()
    {
        // Arrange
        var sut = CreateSut();
        _registry.Set(Service, ServingStatus.Serving);
        _ = StartWatch(sut);
        var last = (await _responses.NextAsync()).Status;

        // Act
        await Parallel.ForAsync(0, 2000, (i, _) =>
        {
            _registry.Set(Service, i % 2 == 0 ? ServingStatus.NotServing : ServingStatus.Serving);
            return ValueTask.CompletedTask;
        });
        _registry.Set(Service, ServingStatus.Unknown);
        while (last != WireStatus.Unknown)
        {
            last = (await _responses.NextAsync()).Status;
        }

        // Assert: Unknown was the final state and nothing follows it.
        Assert.Equal(ServingStatus.Unknown, _registry.Get(Service));
        Assert.False(_responses.HasPending);
    }

    [Fact]
    public async Task Watch_ClientCancels_EndsWithCancellation()
    {
        // Arrange
        var sut = CreateSut();
        var watch = StartWatch(sut);
        await _responses.NextAsync();

        // Act
        await _cancellation.CancelAsync();

        // Assert
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => watch.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    public void Dispose() => _cancellation.Dispose();

    private Task StartWatch(HealthService sut) =>
        sut.Watch(new HealthCheckRequest { Service = Service }, _responses, Context("Watch"));

    private FakeServerCallContext Context(string method) =>
        new(HealthReflection.Descriptor.Services[0].FindMethodByName(method), _cancellation.Token);

    private HealthService CreateSut() => new(_registry);
}
