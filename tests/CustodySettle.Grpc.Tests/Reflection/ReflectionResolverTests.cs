using CustodySettle.Grpc.Reflection;
using CustodySettle.Testing.Interop;
using Google.Protobuf.WellKnownTypes;

namespace CustodySettle.Grpc.Tests.Reflection;

public sealed class ReflectionResolverTests
{
    [Fact]
    public void ServiceNames_RegisteredServices_FullNamesInRegistrationOrder()
    {
        // Arrange
        var sut = TestDescriptors.CreateResolver();

        // Act
        var names = sut.ServiceNames;

        // Assert
        Assert.Equal(
            ["custodysettle.testing.v1.Echo", "grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection", "custodysettle.testing.v1.Ledger"],
            names);
    }

    [Theory]
    [InlineData("custodysettle.testing.v1.Echo", "custodysettle/testing/v1/echo.proto")]
    [InlineData(".custodysettle.testing.v1.Echo", "custodysettle/testing/v1/echo.proto")]
    [InlineData("custodysettle.testing.v1.Echo.Duplex", "custodysettle/testing/v1/echo.proto")]
    [InlineData("custodysettle.testing.v1.EchoRequest", "custodysettle/testing/v1/echo.proto")]
    [InlineData("custodysettle.testing.v1.EchoRequest.status_code", "custodysettle/testing/v1/echo.proto")]
    [InlineData("grpc.health.v1.HealthCheckResponse.ServingStatus", "grpc/health/v1/health.proto")]
    [InlineData("grpc.health.v1.HealthCheckResponse.SERVICE_UNKNOWN", "grpc/health/v1/health.proto")]
    [InlineData("grpc.health.v1.HealthCheckResponse.ServingStatus.SERVICE_UNKNOWN", "grpc/health/v1/health.proto")]
    [InlineData("grpc.reflection.v1.ServerReflectionRequest.message_request", "grpc/reflection/v1/reflection.proto")]
    [InlineData("custodysettle.testing.v1.Entry.Leg", TestDescriptors.LedgerFileName)]
    [InlineData("custodysettle.testing.v1.Entry.Leg.side", TestDescriptors.LedgerFileName)]
    [InlineData("custodysettle.testing.v1.Entry.DEBIT", TestDescriptors.LedgerFileName)]
    [InlineData("custodysettle.testing.v1.audited", TestDescriptors.LedgerFileName)]
    [InlineData("google.protobuf.Api", "google/protobuf/api.proto")]
    [InlineData(".google.protobuf.Any.type_url", "google/protobuf/any.proto")]
    public void FindFileContainingSymbol_KnownSymbol_ReturnsDeclaringFile(string symbol, string fileName)
    {
        // Arrange
        var sut = TestDescriptors.CreateResolver();

        // Act
        var file = sut.FindFileContainingSymbol(symbol);

        // Assert
        Assert.Equal(fileName, file?.Name);
    }

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("custodysettle.testing.v1.Nope")]
    [InlineData("custodysettle.testing.v1.echo")]
    [InlineData("..custodysettle.testing.v1.Echo")]
    [InlineData("google.protobuf.Timestamp")]
    public void FindFileContainingSymbol_UnknownSymbol_ReturnsNull(string symbol)
    {
        // Arrange
        var sut = TestDescriptors.CreateResolver();

        // Act
        var file = sut.FindFileContainingSymbol(symbol);

        // Assert
        Assert.Null(file);
    }

    [Theory]
    [InlineData("custodysettle/testing/v1/echo.proto")]
    [InlineData("google/protobuf/source_context.proto")]
    [InlineData("google/protobuf/descriptor.proto")]
    public void FindFileByName_RegisteredFileOrImport_ReturnsIt(string fileName)
    {
        // Arrange
        var sut = TestDescriptors.CreateResolver();

        // Act
        var file = sut.FindFileByName(fileName);

        // Assert
        Assert.Equal(fileName, file?.Name);
    }

    [Fact]
    public void FindFileByName_UnknownFile_ReturnsNull()
    {
        // Arrange
        var sut = TestDescriptors.CreateResolver();

        // Act
        var file = sut.FindFileByName("custodysettle/testing/v1/Echo.proto");

        // Assert
        Assert.Null(file);
    }

    [Fact]
    public void WithDependencies_FileWithoutImports_ReturnsItsSerializedDataAlone()
    {
        // Act
        var files = ReflectionResolver.WithDependencies(EchoReflection.Descriptor);

        // Assert
        Assert.Equal([EchoReflection.Descriptor.SerializedData], files);
    }

    [Fact]
    public void WithDependencies_DiamondOfImports_FileFirstThenEachDependencyOnce()
    {
        // Act
        var files = ReflectionResolver.WithDependencies(TestDescriptors.Ledger);

        // Assert: ledger -> api, descriptor; api -> source_context, type; type -> any, source_context.
        Assert.Equal(
            [
                TestDescriptors.Ledger.SerializedData,
                ApiReflection.Descriptor.SerializedData,
                Google.Protobuf.Reflection.DescriptorReflection.Descriptor.SerializedData,
                SourceContextReflection.Descriptor.SerializedData,
                TypeReflection.Descriptor.SerializedData,
                AnyReflection.Descriptor.SerializedData,
            ],
            files);
    }

    [Theory]
    [InlineData("google.protobuf.MessageOptions", 50001)]
    [InlineData(".google.protobuf.MessageOptions", 50002)]
    public void FindFileContainingExtension_DeclaredExtension_ReturnsDeclaringFile(string containingType, int number)
    {
        // Arrange
        var sut = TestDescriptors.CreateResolver();

        // Act
        var file = sut.FindFileContainingExtension(containingType, number);

        // Assert
        Assert.Equal(TestDescriptors.LedgerFileName, file?.Name);
    }

    [Theory]
    [InlineData("google.protobuf.MessageOptions", 50003)]
    [InlineData("google.protobuf.FieldOptions", 50001)]
    [InlineData("custodysettle.testing.v1.EchoRequest", 1)]
    public void FindFileContainingExtension_NoSuchExtension_ReturnsNull(string containingType, int number)
    {
        // Arrange
        var sut = TestDescriptors.CreateResolver();

        // Act
        var file = sut.FindFileContainingExtension(containingType, number);

        // Assert
        Assert.Null(file);
    }

    [Fact]
    public void FindExtensionNumbers_ExtendedMessage_ReturnsNumbersAscending()
    {
        // Arrange
        var sut = TestDescriptors.CreateResolver();

        // Act
        var numbers = sut.FindExtensionNumbers("google.protobuf.MessageOptions");

        // Assert
        Assert.Equal([50001, 50002], numbers);
    }

    [Theory]
    [InlineData("custodysettle.testing.v1.EchoRequest")]
    [InlineData(".grpc.health.v1.HealthCheckRequest")]
    [InlineData("custodysettle.testing.v1.Entry.Leg")]
    public void FindExtensionNumbers_Proto3Message_ReturnsEmpty(string messageType)
    {
        // Arrange
        var sut = TestDescriptors.CreateResolver();

        // Act
        var numbers = sut.FindExtensionNumbers(messageType);

        // Assert
        Assert.NotNull(numbers);
        Assert.Empty(numbers);
    }

    [Theory]
    [InlineData("custodysettle.testing.v1.Nope")]
    [InlineData("custodysettle.testing.v1.Echo")]
    [InlineData("grpc.health.v1.HealthCheckResponse.ServingStatus")]
    public void FindExtensionNumbers_NotAKnownMessage_ReturnsNull(string messageType)
    {
        // Arrange
        var sut = TestDescriptors.CreateResolver();

        // Act
        var numbers = sut.FindExtensionNumbers(messageType);

        // Assert
        Assert.Null(numbers);
    }
}
