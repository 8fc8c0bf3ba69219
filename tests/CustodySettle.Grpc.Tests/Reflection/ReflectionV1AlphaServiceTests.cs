using CustodySettle.Grpc.Reflection;
using CustodySettle.Grpc.Tests.Fakes;
using CustodySettle.Testing.Interop;
using Google.Protobuf.WellKnownTypes;
using Grpc.Reflection.V1Alpha;

namespace CustodySettle.Grpc.Tests.Reflection;

public sealed class ReflectionV1AlphaServiceTests
{
    [Fact]
    public async Task ServerReflectionInfo_V1AlphaRequests_AnsweredLikeV1InV1AlphaMessages()
    {
        // Arrange
        var sut = CreateSut();
        var requests = new FakeStreamReader<ServerReflectionRequest>();
        var responses = new FakeStreamWriter<ServerReflectionResponse>();
        var byName = new ServerReflectionRequest { Host = "h", FileByFilename = "google/protobuf/api.proto" };
        requests.Add(byName);
        requests.Add(new ServerReflectionRequest { FileContainingSymbol = "custodysettle.testing.v1.EchoReply.sequence" });
        requests.Add(new ServerReflectionRequest { AllExtensionNumbersOfType = "grpc.reflection.v1alpha.ExtensionRequest" });
        requests.Add(new ServerReflectionRequest());
        requests.Complete();

        // Act
        await sut.ServerReflectionInfo(requests, responses, CreateContext()).WaitAsync(TimeSpan.FromSeconds(5));

        // Assert
        var api = await responses.NextAsync();
        Assert.Equal("h", api.ValidHost);
        Assert.Equal(byName, api.OriginalRequest);
        Assert.Equal(
            [ApiReflection.Descriptor.SerializedData, SourceContextReflection.Descriptor.SerializedData, TypeReflection.Descriptor.SerializedData, AnyReflection.Descriptor.SerializedData],
            api.FileDescriptorResponse.FileDescriptorProto);
        Assert.Equal([EchoReflection.Descriptor.SerializedData], (await responses.NextAsync()).FileDescriptorResponse.FileDescriptorProto);
        var numbers = await responses.NextAsync();
        Assert.Equal("grpc.reflection.v1alpha.ExtensionRequest", numbers.AllExtensionNumbersResponse.BaseTypeName);
        Assert.Empty(numbers.AllExtensionNumbersResponse.ExtensionNumber);
        Assert.Equal(3, (await responses.NextAsync()).ErrorResponse.ErrorCode);
        Assert.False(responses.HasPending);
    }

    private static FakeServerCallContext CreateContext() => new(TestDescriptors.ReflectionV1Alpha.Methods[0]);

    private static ReflectionV1AlphaService CreateSut() => new(new ReflectionResponder(TestDescriptors.CreateResolver()));
}
