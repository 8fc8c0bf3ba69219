using System.Buffers;
using System.Buffers.Binary;
using Google.Protobuf;

namespace CustodySettle.Grpc.Internal;

/// <summary>
/// Length-Prefixed-Message → Compressed-Flag Message-Length Message (PROTOCOL-HTTP2.md): a 1-byte flag
/// (0 or 1), a 4-byte big-endian length, the payload. DATA frames do not align with messages, so the
/// reader takes a message only once all its bytes are buffered.
/// </summary>
internal static class MessageFraming
{
    /// <summary>
    /// Takes one whole message off the front of <paramref name="buffer"/>. Returns false when more bytes
    /// are needed. The declared length is checked against <paramref name="maxSize"/> as soon as the
    /// header is in, before the payload is buffered.
    /// </summary>
    /// <exception cref="RpcException">INTERNAL for a flag other than 0 or 1; RESOURCE_EXHAUSTED over the limit.</exception>
    public static bool TryRead(ref ReadOnlySequence<byte> buffer, int maxSize, out bool compressed, out ReadOnlySequence<byte> payload)
    {
        compressed = false;
        payload = default;
        if (buffer.Length < GrpcProtocolConstants.MessageHeaderSize)
        {
            return false;
        }

        Span<byte> header = stackalloc byte[GrpcProtocolConstants.MessageHeaderSize];
        buffer.Slice(0, GrpcProtocolConstants.MessageHeaderSize).CopyTo(header);
        compressed = header[0] switch
        {
            0 => false,
            1 => true,
            _ => throw new RpcException(StatusCode.Internal, $"Invalid compressed flag {header[0]} in message header."),
        };
        var length = BinaryPrimitives.ReadUInt32BigEndian(header[1..]);
        if (length > (uint)maxSize)
        {
            throw new RpcException(StatusCode.ResourceExhausted, $"Received message exceeds the maximum configured message size ({length} > {maxSize}).");
        }

        if (buffer.Length < GrpcProtocolConstants.MessageHeaderSize + length)
        {
            return false;
        }

        payload = buffer.Slice(GrpcProtocolConstants.MessageHeaderSize, length);
        buffer = buffer.Slice(payload.End);
        return true;
    }

    /// <summary>Writes one uncompressed message, header and payload, without copying through a temporary buffer.</summary>
    /// <exception cref="RpcException">RESOURCE_EXHAUSTED when the message exceeds <paramref name="maxSize"/>.</exception>
    public static void Write(IBufferWriter<byte> output, IMessage message, int? maxSize)
    {
        var size = message.CalculateSize();
        CheckSendSize(size, maxSize);
        var span = output.GetSpan(GrpcProtocolConstants.MessageHeaderSize + size);
        span[0] = 0;
        BinaryPrimitives.WriteUInt32BigEndian(span[1..], (uint)size);
        message.WriteTo(span.Slice(GrpcProtocolConstants.MessageHeaderSize, size));
        output.Advance(GrpcProtocolConstants.MessageHeaderSize + size);
    }

    /// <summary>Writes one message whose payload was compressed by the caller (flag 1).</summary>
    public static void WriteCompressed(IBufferWriter<byte> output, ReadOnlySpan<byte> compressedPayload)
    {
        var span = output.GetSpan(GrpcProtocolConstants.MessageHeaderSize + compressedPayload.Length);
        span[0] = 1;
        BinaryPrimitives.WriteUInt32BigEndian(span[1..], (uint)compressedPayload.Length);
        compressedPayload.CopyTo(span[GrpcProtocolConstants.MessageHeaderSize..]);
        output.Advance(GrpcProtocolConstants.MessageHeaderSize + compressedPayload.Length);
    }

    public static void CheckSendSize(int size, int? maxSize)
    {
        if (size > maxSize)
        {
            throw new RpcException(StatusCode.ResourceExhausted, $"Sending message exceeds the maximum configured message size ({size} > {maxSize}).");
        }
    }
}
