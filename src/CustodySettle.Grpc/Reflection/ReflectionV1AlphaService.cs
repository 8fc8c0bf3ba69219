using Google.Protobuf;
using V1 = Grpc.Reflection.V1;
using V1Alpha = Grpc.Reflection.V1Alpha;

namespace CustodySettle.Grpc.Reflection;

/// <summary>
/// <c>grpc.reflection.v1alpha.ServerReflection</c>, which older clients still call. v1 is the same protocol under a stable package name: the messages are identical field
/// for field, so each v1alpha message is re-read as v1 from its bytes, answered, and the answer read
/// back as v1alpha, rather than duplicating the responder.
/// </summary>
internal sealed class ReflectionV1AlphaService(ReflectionResponder responder)
{
    /// <summary>One response per request, in order, until the client half-closes.</summary>
    public async Task ServerReflectionInfo(
        IAsyncStreamReader<V1Alpha.ServerReflectionRequest> requestStream,
        IAsyncStreamWriter<V1Alpha.ServerReflectionResponse> responseStream,
        ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        await foreach (var request in requestStream.ReadAllAsync(cancellationToken))
        {
            var answer = responder.Answer(Convert(request, V1.ServerReflectionRequest.Parser));
            await responseStream.WriteAsync(Convert(answer, V1Alpha.ServerReflectionResponse.Parser), cancellationToken);
        }
    }

    private static T Convert<T>(IMessage message, MessageParser<T> parser)
        where T : IMessage<T> => parser.ParseFrom(message.ToByteString());
}
