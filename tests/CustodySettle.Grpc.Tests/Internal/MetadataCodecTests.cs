using CustodySettle.Grpc.Internal;
using Microsoft.AspNetCore.Http;

namespace CustodySettle.Grpc.Tests.Internal;

public sealed class MetadataCodecTests
{
    [Fact]
    public void FromRequestHeaders_ReservedHeaders_LeftOut()
    {
        var headers = new HeaderDictionary
        {
            ["content-type"] = "application/grpc", ["te"] = "trailers", ["grpc-timeout"] = "1S", ["grpc-encoding"] = "gzip",
            ["host"] = "localhost", ["authorization"] = "Bearer k", ["x-custom"] = "v",
        };

        var metadata = MetadataCodec.FromRequestHeaders(headers);

        Assert.Equal(["authorization", "x-custom"], metadata.Select(e => e.Key).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("AP8=")] // padded
    [InlineData("AP8")] // unpadded, as the spec says senders should emit
    public void FromRequestHeaders_BinaryPaddedOrNot_Decoded(string value)
    {
        var metadata = MetadataCodec.FromRequestHeaders(new HeaderDictionary { ["x-data-bin"] = value });

        Assert.Equal(new byte[] { 0x00, 0xFF }, metadata.Get("x-data-bin")!.ValueBytes);
    }

    [Fact]
    public void Encode_Binary_UnpaddedBase64()
    {
        Assert.Equal("AP8", MetadataCodec.Encode(new MetadataEntry("x-data-bin", [0x00, 0xFF])));
    }

    [Fact]
    public void AddTo_ReservedKey_Refused()
    {
        var metadata = new Metadata().Add("grpc-status", "0");

        Assert.Throws<InvalidOperationException>(() => MetadataCodec.AddTo(new HeaderDictionary(), metadata));
    }

    [Theory]
    [InlineData("Upper-Case", true)]
    [InlineData("with space", false)]
    [InlineData("emoji✓", false)]
    [InlineData("", false)]
    public void IsValidKey_Keys_FollowTheSpecAlphabet(string key, bool expected)
    {
        Assert.Equal(expected, MetadataEntry.IsValidKey(key));
    }
}
