using CustodySettle.Grpc.Client;
using CustodySettle.Testing.Interop;

namespace CustodySettle.Grpc.Tests.Client;

/// <summary>The Echo test service's methods (tests/interop/protos/.../echo.proto), for the client.</summary>
internal static class EchoMethods
{
    public static readonly GrpcMethod<EchoRequest, EchoReply> Unary = Create<EchoRequest, EchoReply>("Unary");
    public static readonly GrpcMethod<StreamRequest, EchoReply> ServerStream = Create<StreamRequest, EchoReply>("ServerStream");
    public static readonly GrpcMethod<EchoRequest, EchoReply> ClientStream = Create<EchoRequest, EchoReply>("ClientStream");
    public static readonly GrpcMethod<EchoRequest, EchoReply> Duplex = Create<EchoRequest, EchoReply>("Duplex");
    public static readonly GrpcMethod<SleepRequest, EchoReply> Sleep = Create<SleepRequest, EchoReply>("Sleep");
    public static readonly GrpcMethod<ObserveRequest, Observation> Observe = Create<ObserveRequest, Observation>("Observe");

    private static GrpcMethod<TRequest, TResponse> Create<TRequest, TResponse>(string name)
        where TRequest : Google.Protobuf.IMessage<TRequest>
        where TResponse : Google.Protobuf.IMessage<TResponse> =>
        new(EchoReflection.Descriptor.Services[0].FindMethodByName(name));

    /// <summary>What the server's handler recorded under <paramref name="tag"/> (waits for it to finish).</summary>
    public static Task<Observation> ObserveAsync(this GrpcClientChannel channel, string tag) =>
        channel.UnaryAsync(Observe, new ObserveRequest { Tag = tag }, new GrpcCallOptions(Deadline: TimeProvider.System.GetUtcNow().AddSeconds(15)));
}
