using Microsoft.AspNetCore.Http;

namespace CustodySettle.Grpc.Internal;

/// <summary>
/// Ending the call with its status (PROTOCOL-HTTP2.md "Response"): trailers after the messages, or
/// Trailers-Only (the status in the only HEADERS frame) when nothing was sent.
/// </summary>
internal sealed partial class HttpServerCallContext
{
    /// <summary>Writes the final status (trailers, or Trailers-Only when nothing was sent yet), once.</summary>
    public async Task CompleteAsync(Status status)
    {
        await EnterWriteAsync(CancellationToken.None);
        try
        {
            if (_completed)
            {
                return;
            }

            _completed = true;
            WriteStatus(status);
        }
        finally
        {
            ExitWrite();
        }
    }

    private void WriteStatus(Status status)
    {
        var response = _http.Response;
        var code = ((int)status.Code).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var message = string.IsNullOrEmpty(status.Detail) ? null : GrpcProtocolHelpers.PercentEncode(status.Detail);
        if (!response.HasStarted && !_bodyWritten)
        {
            // Trailers-Only: the status travels in the only HEADERS frame, which ends the stream.
            response.Headers[GrpcProtocolConstants.StatusTrailer] = code;
            if (message is not null)
            {
                response.Headers[GrpcProtocolConstants.MessageTrailer] = message;
            }

            if (_responseTrailers is not null)
            {
                MetadataCodec.AddTo(response.Headers, _responseTrailers);
            }

            return;
        }

        response.AppendTrailer(GrpcProtocolConstants.StatusTrailer, code);
        if (message is not null)
        {
            response.AppendTrailer(GrpcProtocolConstants.MessageTrailer, message);
        }

        if (_responseTrailers is not null)
        {
            foreach (var entry in _responseTrailers)
            {
                response.AppendTrailer(entry.Key, MetadataCodec.Encode(entry));
            }
        }
    }
}
