using CustodySettle.Domain.Errors;
using CustodySettle.Grpc;

namespace CustodySettle.Server.Services;

/// <summary>
/// Turns the domain's exceptions into gRPC statuses at the edge (../shared/STYLE.md: "Errors become
/// gRPC statuses at the edge only"), so parts below never know about the transport. Their messages are
/// written for the caller and name the field (protos/custodysettle/v1/README.md, "Errors"); any other
/// exception goes on to the transport, which answers UNKNOWN without its text.
/// </summary>
internal sealed class DomainErrorInterceptor : IServerInterceptor
{
    public async Task InterceptAsync(ServerCallContext context, ServerCallContinuation continuation)
    {
        try
        {
            await continuation(context);
        }
        catch (InvalidFieldException e)
        {
            throw new RpcException(StatusCode.InvalidArgument, e.Message);
        }
        catch (NotFoundException e)
        {
            throw new RpcException(StatusCode.NotFound, e.Message);
        }
        catch (ConflictException e)
        {
            throw new RpcException(StatusCode.AlreadyExists, e.Message);
        }
        catch (InvalidStateException e)
        {
            throw new RpcException(StatusCode.FailedPrecondition, e.Message);
        }
        catch (UnavailableException e)
        {
            throw new RpcException(StatusCode.Unavailable, e.Message);
        }
    }
}
