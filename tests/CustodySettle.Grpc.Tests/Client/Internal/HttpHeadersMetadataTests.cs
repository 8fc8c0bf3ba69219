using CustodySettle.Grpc.Client.Internal;

namespace CustodySettle.Grpc.Tests.Client.Internal;

public sealed class HttpHeadersMetadataTests
{
    [Fact]
    public void AddTo_BinaryValue_SentAsUnpaddedBase64()
    {
        using var request = new HttpRequestMessage();

        HttpHeadersMetadata.AddTo(request.Headers, new Metadata().Add("x-a-bin", [0xFF, 0x00]).Add("x-text", "v"));

        Assert.Equal("/wA", request.Headers.GetValues("x-a-bin").Single());
        Assert.Equal("v", request.Headers.GetValues("x-text").Single());
    }

    [Theory]
    [InlineData("grpc-status")]
    [InlineData("te")]
    [InlineData("content-type")]
    public void AddTo_ReservedKey_ThrowsArgumentException(string key)
    {
        using var request = new HttpRequestMessage();

        Assert.Throws<ArgumentException>(() => HttpHeadersMetadata.AddTo(request.Headers, new Metadata().Add(key, "x")));
    }

    [Fact]
    public void From_ResponseHeaders_KeepsApplicationMetadataOnly()
    {
        using var response = new HttpResponseMessage();
        response.Headers.TryAddWithoutValidation("grpc-status", "0");
        response.Headers.TryAddWithoutValidation("x-padded-bin", "AAEC/w==");
        response.Headers.TryAddWithoutValidation("x-unpadded-bin", "AAEC/w");
        response.Headers.TryAddWithoutValidation("x-text", "hello");

        var metadata = HttpHeadersMetadata.From(response.Headers);

        Assert.Null(metadata.Get("grpc-status"));
        Assert.Equal(new byte[] { 0, 1, 2, 255 }, metadata.Get("x-padded-bin")!.ValueBytes);
        Assert.Equal(new byte[] { 0, 1, 2, 255 }, metadata.Get("x-unpadded-bin")!.ValueBytes);
        Assert.Equal("hello", metadata.GetValue("x-text"));
    }
}
