using System.Collections.Frozen;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CustodySettle.Grpc.Internal;

/// <summary>
/// The terminal middleware that turns an HTTP/2 request into a gRPC call: protocol, content-type and
/// route checks (GRPC-WIRE.md rules 1-3), then the method's pipeline, then the status.
/// </summary>
internal sealed class GrpcDispatcher(
    FrozenDictionary<string, ServerMethodBinding> methods,
    GrpcServerOptions options,
    GrpcServerMetrics metrics,
    ILogger<GrpcDispatcher> logger,
    TimeProvider time,
    IHostApplicationLifetime lifetime)
{
    public async Task InvokeAsync(HttpContext http)
    {
        if (!TryAccept(http, out var binding))
        {
            return;
        }

        var call = new HttpServerCallContext(http, binding, options, logger, time, lifetime.ApplicationStopping);
        var started = time.GetTimestamp();
        metrics.CallStarted(binding.Path);
        var status = Status.Ok;
        try
        {
            call.Start();
            if (binding.IsClientStreaming)
            {
                LiftBodyLimits(http);
            }

            if (!MessageCompression.IsSupported(call.RequestEncoding))
            {
                throw new RpcException(StatusCode.Unimplemented, $"Unsupported grpc-encoding value '{call.RequestEncoding}'. Supported encodings: {GrpcProtocolConstants.SupportedEncodings}");
            }

            await binding.Pipeline(call);
            status = call.Status;
        }
        catch (Exception e)
        {
            status = Classify(call, e);
        }

        try
        {
            if (call.DeadlineExceeded)
            {
                status = new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded");
            }
            else if (!http.RequestAborted.IsCancellationRequested)
            {
                await call.CompleteAsync(status);
            }
        }
        finally
        {
            await call.EndAsync();
            var elapsed = time.GetElapsedTime(started);
            metrics.CallFinished(binding.Path, status.Code, elapsed);
            GrpcServerLog.CallFinished(logger, binding.Path, status.Code, elapsed.TotalMilliseconds);
        }
    }

    /// <summary>Maps what ended the handler to the status the client receives (rule 10).</summary>
    private Status Classify(HttpServerCallContext call, Exception e)
    {
        switch (e)
        {
            case RpcException rpc:
                foreach (var entry in rpc.Trailers)
                {
                    call.ResponseTrailers.Add(entry);
                }

                GrpcServerLog.CallRejected(logger, call.Method, rpc.StatusCode, rpc.Status.Detail);
                return rpc.Status;
            case OperationCanceledException or IOException when call.DeadlineExceeded:
                return new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded");
            // Shutdown before client abort: Kestrel aborts open requests while stopping, and a draining
            // server must answer UNAVAILABLE (which clients retry elsewhere), not CANCELLED.
            case OperationCanceledException or IOException when lifetime.ApplicationStopping.IsCancellationRequested:
                GrpcServerLog.EndedByShutdown(logger, call.Method);
                return new Status(StatusCode.Unavailable, "The server is shutting down.");
            case OperationCanceledException or IOException when call.Http.RequestAborted.IsCancellationRequested:
                GrpcServerLog.CancelledByClient(logger, call.Method);
                return new Status(StatusCode.Cancelled, "Cancelled by the client");
            default:
                GrpcServerLog.HandlerFailed(logger, call.Method, e);
                return new Status(StatusCode.Unknown, GrpcProtocolConstants.GenericHandlerError);
        }
    }

    private bool TryAccept(HttpContext http, out ServerMethodBinding binding)
    {
        binding = null!;
        var request = http.Request;
        if (!HttpProtocol.IsHttp2(request.Protocol) && !HttpProtocol.IsHttp3(request.Protocol))
        {
            Refuse(http, StatusCodes.Status426UpgradeRequired, $"Request protocol '{request.Protocol}' is not supported: gRPC requires HTTP/2.");
            return false;
        }

        if (!GrpcProtocolHelpers.IsGrpcContentType(request.ContentType))
        {
            Refuse(http, StatusCodes.Status415UnsupportedMediaType, $"Content-Type '{request.ContentType}' is not supported: gRPC requires {GrpcProtocolConstants.ContentType}.");
            return false;
        }

        if (!HttpMethods.IsPost(request.Method))
        {
            Refuse(http, StatusCodes.Status405MethodNotAllowed, $"Method '{request.Method}' is not supported: gRPC requires POST.");
            return false;
        }

        if (methods.TryGetValue(request.Path.Value ?? string.Empty, out binding!))
        {
            return true;
        }

        // Unknown service or method: HTTP 200 with UNIMPLEMENTED, Trailers-Only (rule 2).
        var path = request.Path.Value ?? string.Empty;
        var service = path.Length > 1 && path.IndexOf('/', 1) is var slash and > 0 ? path[1..slash] : path;
        var known = methods.Keys.Any(k => k.StartsWith($"/{service}/", StringComparison.Ordinal));
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = GrpcProtocolConstants.ContentType;
        http.Response.Headers[GrpcProtocolConstants.StatusTrailer] = ((int)StatusCode.Unimplemented).ToString(System.Globalization.CultureInfo.InvariantCulture);
        http.Response.Headers[GrpcProtocolConstants.MessageTrailer] = GrpcProtocolHelpers.PercentEncode(
            known ? $"Method is unimplemented: {path}" : $"Service is unimplemented: {service}");
        GrpcServerLog.CallRejected(logger, path, StatusCode.Unimplemented, known ? "unknown method" : "unknown service");
        return false;
    }

    private void Refuse(HttpContext http, int httpStatus, string reason)
    {
        GrpcServerLog.RequestRefused(logger, httpStatus, reason);
        http.Response.StatusCode = httpStatus;
        http.Response.Headers[GrpcProtocolConstants.StatusTrailer] = ((int)StatusCode.Internal).ToString(System.Globalization.CultureInfo.InvariantCulture);
        http.Response.Headers[GrpcProtocolConstants.MessageTrailer] = GrpcProtocolHelpers.PercentEncode(reason);
    }

    /// <summary>Streams may run long and idle: lift Kestrel's body size and minimum rate for them only (rule 14).</summary>
    private static void LiftBodyLimits(HttpContext http)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = null;
        }

        if (http.Features.Get<IHttpMinRequestBodyDataRateFeature>() is { } rate)
        {
            rate.MinDataRate = null;
        }
    }
}
