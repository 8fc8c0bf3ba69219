using Grpc.Reflection.V1;

namespace CustodySettle.Grpc.Reflection;

/// <summary><c>grpc.reflection.v1.ServerReflection</c> (grpc/grpc doc/server-reflection.md).</summary>
internal sealed class ReflectionV1Service(ReflectionResponder responder)
{
    /// <summary>One response per request, in order, until the client half-closes.</summary>
    public async Task ServerReflectionInfo(
        IAsyncStreamReader<ServerReflectionRequest> requestStream,
        IAsyncStreamWriter<ServerReflectionResponse> responseStream,
        ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        await foreach (var request in requestStream.ReadAllAsync(cancellationToken))
        {
            await responseStream.WriteAsync(responder.Answer(request), cancellationToken);
        }
    }
}
