using System.Buffers;
using System.IO.Compression;
using Google.Protobuf;

namespace CustodySettle.Grpc.Internal;

/// <summary>
/// Message compression (PROTOCOL-HTTP2.md "Message-Encoding"; doc/compression.md). identity and gzip
/// are supported; a decompressed message is held to the same receive limit as an uncompressed one, so a
/// small compressed bomb cannot exhaust memory.
/// </summary>
internal static class MessageCompression
{
    /// <summary>True for the encodings this implementation can decode.</summary>
    public static bool IsSupported(string? encoding) =>
        encoding is null
        || string.Equals(encoding, GrpcProtocolConstants.IdentityEncoding, StringComparison.OrdinalIgnoreCase)
        || string.Equals(encoding, GrpcProtocolConstants.GzipEncoding, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The payload as plain protobuf bytes. <paramref name="encoding"/> is the peer's <c>grpc-encoding</c>.
    /// </summary>
    /// <exception cref="RpcException">INTERNAL for a compressed message without an encoding or with
    /// identity; RESOURCE_EXHAUSTED when it inflates past the limit.</exception>
    public static ReadOnlySequence<byte> Decode(ReadOnlySequence<byte> payload, bool compressed, string? encoding, int maxSize)
    {
        if (!compressed)
        {
            return payload;
        }

        if (encoding is null || string.Equals(encoding, GrpcProtocolConstants.IdentityEncoding, StringComparison.OrdinalIgnoreCase))
        {
            throw new RpcException(StatusCode.Internal, "Received a compressed message without a grpc-encoding that names its compression.");
        }

        using var input = new ReadOnlySequenceStream(payload);
        using var gzip = new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = gzip.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (output.Length + read > maxSize)
                {
                    throw new RpcException(StatusCode.ResourceExhausted, "Received message exceeds the maximum configured message size after decompression.");
                }

                output.Write(chunk, 0, read);
            }
        }
        catch (InvalidDataException)
        {
            throw new RpcException(StatusCode.Internal, "Compressed message is not valid gzip.");
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return new ReadOnlySequence<byte>(output.GetBuffer(), 0, (int)output.Length);
    }

    /// <summary>Gzip-compresses a message for a peer that accepts gzip.</summary>
    public static byte[] Gzip(IMessage message, int? maxSize)
    {
        var size = message.CalculateSize();
        MessageFraming.CheckSendSize(size, maxSize);
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            message.WriteTo(gzip);
        }

        return output.ToArray();
    }

    /// <summary>True when an <c>grpc-accept-encoding</c> list names gzip.</summary>
    public static bool AcceptsGzip(string? acceptEncoding)
    {
        if (acceptEncoding is null)
        {
            return false;
        }

        foreach (var part in acceptEncoding.Split(','))
        {
            if (string.Equals(part.Trim(), GrpcProtocolConstants.GzipEncoding, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
