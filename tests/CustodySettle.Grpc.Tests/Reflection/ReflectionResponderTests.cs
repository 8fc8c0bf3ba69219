using CustodySettle.Grpc.Reflection;
using CustodySettle.Testing.Interop;
using Google.Protobuf.WellKnownTypes;
using Grpc.Reflection.V1;
using ResponseCase = Grpc.Reflection.V1.ServerReflectionResponse.MessageResponseOneofCase;

namespace CustodySettle.Grpc.Tests.Reflection;

public sealed class ReflectionResponderTests
{
    [Fact]
    public void Answer_ListServices_ListsEveryRegisteredService()
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var response = sut.Answer(new ServerReflectionRequest { ListServices = "*" });

        // Assert
        Assert.Equal(
            ["custodysettle.testing.v1.Echo", "grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection", "custodysettle.testing.v1.Ledger"],
            response.ListServicesResponse.Service.Select(s => s.Name));
    }

    [Fact]
    public void Answer_FileContainingSymbol_ReturnsTheGeneratedFileDescriptorBytes()
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var response = sut.Answer(new ServerReflectionRequest { FileContainingSymbol = "custodysettle.testing.v1.Echo" });

        // Assert
        Assert.Equal([EchoReflection.Descriptor.SerializedData], response.FileDescriptorResponse.FileDescriptorProto);
    }

    [Fact]
    public void Answer_FileByFilename_ReturnsFileThenItsDependencies()
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var response = sut.Answer(new ServerReflectionRequest { FileByFilename = "google/protobuf/type.proto" });

        // Assert
        Assert.Equal(
            [TypeReflection.Descriptor.SerializedData, AnyReflection.Descriptor.SerializedData, SourceContextReflection.Descriptor.SerializedData],
            response.FileDescriptorResponse.FileDescriptorProto);
    }

    [Fact]
    public void Answer_FileContainingExtension_ReturnsDeclaringFileFirst()
    {
        // Arrange
        var sut = CreateSut();
        var request = new ServerReflectionRequest
        {
            FileContainingExtension = new ExtensionRequest { ContainingType = "google.protobuf.MessageOptions", ExtensionNumber = 50002 },
        };

        // Act
        var response = sut.Answer(request);

        // Assert
        Assert.Equal(TestDescriptors.Ledger.SerializedData, response.FileDescriptorResponse.FileDescriptorProto[0]);
    }

    [Fact]
    public void Answer_AllExtensionNumbersOfProto3Type_ReturnsEmptyListWithBaseTypeName()
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var response = sut.Answer(new ServerReflectionRequest { AllExtensionNumbersOfType = ".custodysettle.testing.v1.EchoRequest" });

        // Assert
        Assert.Equal(ResponseCase.AllExtensionNumbersResponse, response.MessageResponseCase);
        Assert.Equal("custodysettle.testing.v1.EchoRequest", response.AllExtensionNumbersResponse.BaseTypeName);
        Assert.Empty(response.AllExtensionNumbersResponse.ExtensionNumber);
    }

    [Fact]
    public void Answer_AllExtensionNumbersOfExtendedType_ReturnsTheNumbers()
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var response = sut.Answer(new ServerReflectionRequest { AllExtensionNumbersOfType = "google.protobuf.MessageOptions" });

        // Assert
        Assert.Equal([50001, 50002], response.AllExtensionNumbersResponse.ExtensionNumber);
    }

    [Theory]
    [InlineData("file_by_filename", "no/such.proto")]
    [InlineData("file_by_filename", "")]
    [InlineData("file_containing_symbol", "no.such.Symbol")]
    [InlineData("file_containing_symbol", "")]
    [InlineData("file_containing_extension", "custodysettle.testing.v1.EchoRequest")]
    [InlineData("all_extension_numbers_of_type", "no.such.Message")]
    public void Answer_NothingMatches_ErrorResponseNotFound(string field, string value)
    {
        // Arrange
        var sut = CreateSut();
        var request = field switch
        {
            "file_by_filename" => new ServerReflectionRequest { FileByFilename = value },
            "file_containing_symbol" => new ServerReflectionRequest { FileContainingSymbol = value },
            "file_containing_extension" => new ServerReflectionRequest
            {
                FileContainingExtension = new ExtensionRequest { ContainingType = value, ExtensionNumber = 100 },
            },
            _ => new ServerReflectionRequest { AllExtensionNumbersOfType = value },
        };

        // Act
        var response = sut.Answer(request);

        // Assert
        Assert.Equal(ResponseCase.ErrorResponse, response.MessageResponseCase);
        Assert.Equal(5, response.ErrorResponse.ErrorCode);
        Assert.NotEmpty(response.ErrorResponse.ErrorMessage);
    }

    [Fact]
    public void Answer_NoMessageRequest_ErrorResponseInvalidArgument()
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var response = sut.Answer(new ServerReflectionRequest { Host = "localhost" });

        // Assert
        Assert.Equal(ResponseCase.ErrorResponse, response.MessageResponseCase);
        Assert.Equal(3, response.ErrorResponse.ErrorCode);
    }

    [Fact]
    public void Answer_AnyRequest_EchoesHostAndOriginalRequest()
    {
        // Arrange
        var sut = CreateSut();
        var request = new ServerReflectionRequest { Host = "ledger.internal:443", FileContainingSymbol = "no.such.Symbol" };

        // Act
        var response = sut.Answer(request);

        // Assert
        Assert.Equal("ledger.internal:443", response.ValidHost);
        Assert.Equal(request, response.OriginalRequest);
    }

    private static ReflectionResponder CreateSut() => new(TestDescriptors.CreateResolver());
}
