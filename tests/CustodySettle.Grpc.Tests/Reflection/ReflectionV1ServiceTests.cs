using CustodySettle.Grpc.Reflection;
using CustodySettle.Grpc.Tests.Fakes;
using CustodySettle.Testing.Interop;
using Grpc.Reflection.V1;
using ResponseCase = Grpc.Reflection.V1.ServerReflectionResponse.MessageResponseOneofCase;

namespace CustodySettle.Grpc.Tests.Reflection;

public sealed class ReflectionV1ServiceTests
{
    [Fact]
    public async Task ServerReflectionInfo_RequestsThenHalfClose_OneResponsePerRequestInOrderThenEnds()
    {
        // Arrange
        var sut = CreateSut();
        var requests = new FakeStreamReader<ServerReflectionRequest>();
        var responses = new FakeStreamWriter<ServerReflectionResponse>();
        var call = sut.ServerReflectionInfo(requests, responses, CreateContext());

        // Act: an unknown symbol first; the stream must stay usable after its error_response.
        requests.Add(new ServerReflectionRequest { FileContainingSymbol = "no.such.Symbol" });
        var unknown = await responses.NextAsync();
        requests.Add(new ServerReflectionRequest { FileContainingSymbol = ".custodysettle.testing.v1.Echo.Unary" });
        var found = await responses.NextAsync();
        requests.Complete();
        await call.WaitAsync(TimeSpan.FromSeconds(5));

        // Assert
        Assert.Equal(5, unknown.ErrorResponse.ErrorCode);
        Assert.Equal("no.such.Symbol", unknown.OriginalRequest.FileContainingSymbol);
        Assert.Equal([EchoReflection.Descriptor.SerializedData], found.FileDescriptorResponse.FileDescriptorProto);
        Assert.False(responses.HasPending);
    }

    [Fact]
    public async Task ServerReflectionInfo_ListServices_ListsHealthAndBothReflectionVersions()
    {
        // Arrange
        var sut = CreateSut();
        var requests = new FakeStreamReader<ServerReflectionRequest>();
        var responses = new FakeStreamWriter<ServerReflectionResponse>();
        requests.Add(new ServerReflectionRequest { ListServices = string.Empty });
        requests.Complete();

        // Act
        await sut.ServerReflectionInfo(requests, responses, CreateContext());

        // Assert
        var response = await responses.NextAsync();
        Assert.Equal(ResponseCase.ListServicesResponse, response.MessageResponseCase);
        Assert.Contains("grpc.health.v1.Health", response.ListServicesResponse.Service.Select(s => s.Name));
        Assert.Contains("grpc.reflection.v1alpha.ServerReflection", response.ListServicesResponse.Service.Select(s => s.Name));
        Assert.Contains("grpc.reflection.v1.ServerReflection", response.ListServicesResponse.Service.Select(s => s.Name));
    }

    [Fact]
    public async Task ServerReflectionInfo_ClientCancels_StopsReading()
    {
        // Arrange
        var sut = CreateSut();
        using var cancellation = new CancellationTokenSource();
        var requests = new FakeStreamReader<ServerReflectionRequest>();
        var call = sut.ServerReflectionInfo(requests, new FakeStreamWriter<ServerReflectionResponse>(), CreateContext(cancellation.Token));

        // Act
        await cancellation.CancelAsync();

        // Assert
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    private static FakeServerCallContext CreateContext(CancellationToken cancellationToken = default) =>
        new(TestDescriptors.ReflectionV1.Methods[0], cancellationToken);

    private static ReflectionV1Service CreateSut() => new(new ReflectionResponder(TestDescriptors.CreateResolver()));
}
