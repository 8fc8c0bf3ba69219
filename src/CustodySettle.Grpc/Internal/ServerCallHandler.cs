namespace CustodySettle.Grpc.Internal;

/// <summary>The last step of a call's pipeline: read the request, run the handler, write the response.</summary>
internal abstract class ServerCallHandler
{
    public abstract Task HandleAsync(HttpServerCallContext call);
}
