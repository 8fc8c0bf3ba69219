using CustodySettle.Api.V1;
using CustodySettle.Grpc;
using CustodySettle.Grpc.Client;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace MarginBench;

/// <summary>The bench's gRPC client: every call as the operator (or the custodian), over the product's own client.</summary>
internal sealed class BenchApi(GrpcClientChannel channel, string operatorKey) : IDisposable
{
    public static readonly ServiceDescriptor Admin = AdminServiceReflection.Descriptor.FindTypeByName<ServiceDescriptor>("AdminService");
    public static readonly ServiceDescriptor Custodian = CustodianServiceReflection.Descriptor.FindTypeByName<ServiceDescriptor>("CustodianService");
    public static readonly ServiceDescriptor Margin = MarginServiceReflection.Descriptor.FindTypeByName<ServiceDescriptor>("MarginService");

    public string OperatorKey => operatorKey;

    public Task<TResponse> CallAsync<TRequest, TResponse>(ServiceDescriptor service, string name, TRequest request, string? key = null)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse> =>
        channel.UnaryAsync(new GrpcMethod<TRequest, TResponse>(service.FindMethodByName(name)), request, Options(key, TimeSpan.FromSeconds(60)));

    public ServerStreamingCall<TResponse> Stream<TRequest, TResponse>(ServiceDescriptor service, string name, TRequest request, CancellationToken ct)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse> =>
        channel.ServerStreaming(new GrpcMethod<TRequest, TResponse>(service.FindMethodByName(name)), request, Options(null, null) with { CancellationToken = ct });

    public void Dispose() => channel.Dispose();

    private GrpcCallOptions Options(string? key, TimeSpan? deadline)
    {
        var headers = new Metadata { { "authorization", $"Bearer {key ?? operatorKey}" } };
        return new GrpcCallOptions(headers, deadline is { } d ? DateTimeOffset.UtcNow + d : null);
    }
}
