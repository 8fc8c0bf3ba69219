using CustodySettle.Grpc.Client;
using CustodySettle.Testing.Interop;

namespace CustodySettle.Grpc.Tests.Client;

public sealed class GrpcMethodTests
{
    [Fact]
    public void Constructor_Descriptor_TakesPathAndKind()
    {
        var method = new GrpcMethod<StreamRequest, EchoReply>(EchoReflection.Descriptor.Services[0].FindMethodByName("ServerStream"));

        Assert.Equal("/custodysettle.testing.v1.Echo/ServerStream", method.Path);
        Assert.False(method.IsClientStreaming);
        Assert.True(method.IsServerStreaming);
    }

    [Fact]
    public void Constructor_OtherMessageTypes_ThrowsArgumentException()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            new GrpcMethod<EchoRequest, EchoReply>(EchoReflection.Descriptor.Services[0].FindMethodByName("Sleep")));

        Assert.Contains("SleepRequest", e.Message, StringComparison.Ordinal);
    }
}
