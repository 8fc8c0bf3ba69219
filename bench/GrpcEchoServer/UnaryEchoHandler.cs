using System.Diagnostics.CodeAnalysis;
using CustodySettle.Grpc;
using CustodySettle.Testing.Interop;

namespace GrpcEchoServer;

/// <summary>
/// The same work as the C++ reference's Echo.Unary: copy message and payload into the reply. The other
/// RPCs answer UNIMPLEMENTED, as the reference's do; the binder still requires a method for each.
/// </summary>
[SuppressMessage("Performance", "CA1822", Justification = "RPC handlers bind as instance methods.")]
internal sealed class UnaryEchoHandler
{
    private static readonly RpcException NotBenchmarked = new(StatusCode.Unimplemented, "only Unary is benchmarked");

    public Task<EchoReply> Unary(EchoRequest request, ServerCallContext context) =>
        Task.FromResult(new EchoReply { Message = request.Message, Payload = request.Payload });

    public Task ServerStream(StreamRequest request, IAsyncStreamWriter<EchoReply> responseStream, ServerCallContext context) => throw NotBenchmarked;

    public Task<EchoReply> ClientStream(IAsyncStreamReader<EchoRequest> requestStream, ServerCallContext context) => throw NotBenchmarked;

    public Task Duplex(IAsyncStreamReader<EchoRequest> requestStream, IAsyncStreamWriter<EchoReply> responseStream, ServerCallContext context) => throw NotBenchmarked;

    public Task<EchoReply> Sleep(SleepRequest request, ServerCallContext context) => throw NotBenchmarked;

    public Task<Observation> Observe(ObserveRequest request, ServerCallContext context) => throw NotBenchmarked;
}
