using System.Buffers;
using CustodySettle.Grpc.Internal;
using CustodySettle.Testing.Interop;
using Google.Protobuf;

namespace CustodySettle.Grpc.Tests.Internal;

public sealed class MessageFramingTests
{
    private static byte[] Frame(byte flag, byte[] payload) =>
        [flag, (byte)(payload.Length >> 24), (byte)(payload.Length >> 16), (byte)(payload.Length >> 8), (byte)payload.Length, .. payload];

    [Fact]
    public void Write_EchoRequest_ProducesFlagLengthPayload()
    {
        var writer = new ArrayBufferWriter<byte>();

        MessageFraming.Write(writer, new EchoRequest { Message = "hi" }, maxSize: null);

        // EchoRequest{message:"hi"} is field 1, wire type 2: 0a 02 68 69.
        Assert.Equal(new byte[] { 0, 0, 0, 0, 4, 0x0a, 0x02, 0x68, 0x69 }, writer.WrittenSpan.ToArray());
    }

    [Fact]
    public void TryRead_EverySplitOfTwoMessagesIntoSegments_ReadsBothWhole()
    {
        var first = new EchoRequest { Message = "first", Payload = ByteString.CopyFrom(new byte[300]) }.ToByteArray();
        var second = new EchoRequest { Message = "second" }.ToByteArray();
        byte[] wire = [.. Frame(0, first), .. Frame(0, second)];

        // Every way to cut the stream into two DATA chunks, and also one byte per chunk.
        var splits = Enumerable.Range(0, wire.Length + 1).Select(cut => new[] { wire[..cut], wire[cut..] })
            .Append(wire.Select(b => new[] { b }).ToArray());
        foreach (var chunks in splits)
        {
            var messages = ReadAll(chunks);

            Assert.Equal(2, messages.Count);
            Assert.Equal(first, messages[0]);
            Assert.Equal(second, messages[1]);
        }
    }

    [Fact]
    public void TryRead_IncompleteHeader_NeedsMore()
    {
        var buffer = new ReadOnlySequence<byte>(new byte[] { 0, 0, 0 });

        Assert.False(MessageFraming.TryRead(ref buffer, 100, out _, out _));
        Assert.Equal(3, buffer.Length);
    }

    [Fact]
    public void TryRead_DeclaredLengthOverLimit_ThrowsBeforePayloadArrives()
    {
        // Only the header is here: the limit must be enforced before buffering the payload.
        var buffer = new ReadOnlySequence<byte>(new byte[] { 0, 0, 0x40, 0, 1 }); // 4 MiB + 1

        var error = Assert.Throws<RpcException>(() => MessageFraming.TryRead(ref buffer, 4 * 1024 * 1024, out _, out _));

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    [Fact]
    public void TryRead_LengthExactlyAtLimit_Accepted()
    {
        var buffer = new ReadOnlySequence<byte>(Frame(0, new byte[10]));

        Assert.True(MessageFraming.TryRead(ref buffer, 10, out var compressed, out var payload));
        Assert.False(compressed);
        Assert.Equal(10, payload.Length);
        Assert.True(buffer.IsEmpty);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(0x80)]
    [InlineData(0xFF)]
    public void TryRead_FlagOtherThanZeroOrOne_Internal(byte flag)
    {
        var buffer = new ReadOnlySequence<byte>(Frame(flag, [1, 2]));

        var error = Assert.Throws<RpcException>(() => MessageFraming.TryRead(ref buffer, 100, out _, out _));

        Assert.Equal(StatusCode.Internal, error.StatusCode);
    }

    [Fact]
    public void TryRead_RandomGarbage_NeverThrowsAnythingButRpcException()
    {
        var random = new Random(20261121);
        for (var i = 0; i < 10_000; i++)
        {
            var bytes = new byte[random.Next(0, 64)];
            random.NextBytes(bytes);
            var buffer = new ReadOnlySequence<byte>(bytes);
            try
            {
                while (MessageFraming.TryRead(ref buffer, 32, out _, out _))
                {
                }
            }
            catch (RpcException e)
            {
                Assert.Contains(e.StatusCode, new[] { StatusCode.Internal, StatusCode.ResourceExhausted });
            }
        }
    }

    [Fact]
    public void Write_OverSendLimit_ResourceExhausted()
    {
        var writer = new ArrayBufferWriter<byte>();

        var error = Assert.Throws<RpcException>(() => MessageFraming.Write(writer, new EchoRequest { Message = "too long" }, maxSize: 3));

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Equal(0, writer.WrittenCount);
    }

    private static List<byte[]> ReadAll(byte[][] chunks)
    {
        var messages = new List<byte[]>();
        var pending = Array.Empty<byte>();
        foreach (var chunk in chunks)
        {
            pending = [.. pending, .. chunk];
            var buffer = new ReadOnlySequence<byte>(pending);
            while (MessageFraming.TryRead(ref buffer, 1024, out _, out var payload))
            {
                messages.Add(payload.ToArray());
            }

            pending = buffer.ToArray();
        }

        Assert.Empty(pending);
        return messages;
    }
}
