using System.Net.Sockets;
using CustodySettle.Grpc;
using CustodySettle.Grpc.Client;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace CustodySettle.Cli;

/// <summary>
/// One command's connection to the service: the product's own gRPC client, the caller's key on every
/// call, and every failure turned into a <see cref="CliException"/> that says what to do about it.
/// </summary>
internal sealed class ServiceClient(Uri server, string? key, TimeSpan deadline) : IDisposable
{
    private readonly GrpcClientChannel _channel = new(server);

    public Uri Server => server;

    public async Task<TResponse> CallAsync<TRequest, TResponse>(ServiceDescriptor service, string method, TRequest request, CancellationToken ct)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse>
    {
        try
        {
            return await _channel.UnaryAsync(Method<TRequest, TResponse>(service, method), request, Options(DateTimeOffset.UtcNow + deadline, ct));
        }
        catch (Exception e) when (Translate(e, service, method) is { } failure)
        {
            throw failure;
        }
    }

    /// <summary>Every message of a server stream until it ends or <paramref name="ct"/> is cancelled (no deadline: watching is open-ended).</summary>
    public async IAsyncEnumerable<TResponse> StreamAsync<TRequest, TResponse>(
        ServiceDescriptor service, string method, TRequest request, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse>
    {
        using var call = _channel.ServerStreaming(Method<TRequest, TResponse>(service, method), request, Options(null, ct));
        while (true)
        {
            bool more;
            try
            {
                more = await call.ResponseStream.MoveNext(ct);
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Cancelled && ct.IsCancellationRequested)
            {
                yield break; // Ctrl-C: the user stopped watching
            }
            catch (Exception e) when (Translate(e, service, method) is { } failure)
            {
                throw failure;
            }

            if (!more)
            {
                yield break;
            }

            yield return call.ResponseStream.Current;
        }
    }

    public void Dispose() => _channel.Dispose();

    private static GrpcMethod<TRequest, TResponse> Method<TRequest, TResponse>(ServiceDescriptor service, string method)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse> =>
        new(service.FindMethodByName(method) ?? throw new InvalidOperationException($"{service.FullName} has no method {method}"));

    private GrpcCallOptions Options(DateTimeOffset? deadlineAt, CancellationToken ct)
    {
        var headers = new Metadata();
        if (key is not null)
        {
            headers.Add("authorization", $"Bearer {key}");
        }

        return new GrpcCallOptions(headers, deadlineAt, ct);
    }

    private CliException? Translate(Exception e, ServiceDescriptor service, string method)
    {
        var call = $"{service.Name}.{method}";
        return e switch
        {
            RpcException { StatusCode: StatusCode.Unavailable } rpc => new CliException(ExitCodes.Unreachable,
                $"cannot reach the service at {server} ({rpc.Status.Detail}); is it running? (scripts/run.sh starts it; --server or CS_SERVER points elsewhere)"),
            RpcException { StatusCode: StatusCode.Unauthenticated } rpc => new CliException(ExitCodes.Unauthenticated,
                key is null
                    ? $"{call}: no API key given; pass --key, --key-file or set CS_API_KEY"
                    : $"{call}: the service did not accept the key ({rpc.Status.Detail})"),
            RpcException { StatusCode: StatusCode.PermissionDenied } rpc => new CliException(ExitCodes.Forbidden, $"{call}: this key may not do that ({rpc.Status.Detail})"),
            RpcException rpc => new CliException(ExitCodes.For(rpc.StatusCode), $"{call}: {Names.Status(rpc.StatusCode)}: {rpc.Status.Detail}"),
            HttpRequestException or SocketException or IOException => new CliException(ExitCodes.Unreachable,
                $"cannot reach the service at {server} ({e.Message}); is it running? (scripts/run.sh starts it; --server or CS_SERVER points elsewhere)"),
            _ => null,
        };
    }
}
