using CustodySettle.Grpc.Internal;

namespace CustodySettle.Grpc.Tests.Internal;

public sealed class GrpcProtocolHelpersTests
{
    [Theory]
    [InlineData("plain ascii", "plain ascii")]
    [InlineData("100%", "100%25")]
    [InlineData("ñ", "%C3%B1")]
    [InlineData("日本", "%E6%97%A5%E6%9C%AC")]
    [InlineData("tab\there", "tab%09here")]
    [InlineData("✓ ok", "%E2%9C%93 ok")]
    [InlineData("😀", "%F0%9F%98%80")]
    public void PercentEncode_KnownVectors_MatchSpec(string message, string expected)
    {
        Assert.Equal(expected, GrpcProtocolHelpers.PercentEncode(message));
        Assert.Equal(message, GrpcProtocolHelpers.PercentDecode(expected));
    }

    [Theory]
    [InlineData("%", "%")]
    [InlineData("%4", "%4")]
    [InlineData("%ZZ", "%ZZ")]
    [InlineData("a%41", "aA")]
    public void PercentDecode_MalformedEscapes_KeptAsIs(string value, string expected)
    {
        Assert.Equal(expected, GrpcProtocolHelpers.PercentDecode(value));
    }

    [Theory]
    [InlineData("1H", 36_000_000_000L)]
    [InlineData("2M", 1_200_000_000L)]
    [InlineData("3S", 30_000_000L)]
    [InlineData("250m", 2_500_000L)]
    [InlineData("7u", 70L)]
    [InlineData("1000n", 10L)]
    [InlineData("99999999S", 999_999_990_000_000L)]
    public void TryParseTimeout_ValidValues_ParsedInvariantly(string value, long expectedTicks)
    {
        Assert.True(GrpcProtocolHelpers.TryParseTimeout(value, out var timeout));
        Assert.Equal(expectedTicks, timeout.Ticks);
    }

    [Theory]
    [InlineData("")]
    [InlineData("S")]
    [InlineData("10")]
    [InlineData("100s")]
    [InlineData("123456789S")]
    [InlineData("-1S")]
    [InlineData("1.5S")]
    [InlineData("١S")]
    public void TryParseTimeout_InvalidValues_Ignored(string value)
    {
        Assert.False(GrpcProtocolHelpers.TryParseTimeout(value, out _));
    }

    [Theory]
    [InlineData(0L, "0n")]
    [InlineData(5L, "500n")]
    [InlineData(10_000_000L, "1000000u")]
    [InlineData(36_000_000_000_000L, "3600000S")]
    public void FormatTimeout_KnownValues_FitsEightDigits(long ticks, string expected)
    {
        var formatted = GrpcProtocolHelpers.FormatTimeout(TimeSpan.FromTicks(ticks));

        Assert.Equal(expected, formatted);
        Assert.True(GrpcProtocolHelpers.TryParseTimeout(formatted, out var parsed));
        Assert.True(parsed.Ticks >= ticks, "a formatted deadline must never be shorter than meant");
    }

    [Theory]
    [InlineData("application/grpc", true)]
    [InlineData("application/grpc+proto", true)]
    [InlineData("application/grpc;charset=utf-8", true)]
    [InlineData("APPLICATION/GRPC", true)]
    [InlineData("application/grpcx", false)]
    [InlineData("application/json", false)]
    [InlineData(null, false)]
    public void IsGrpcContentType_Values_AcceptedPerSpec(string? contentType, bool expected)
    {
        Assert.Equal(expected, GrpcProtocolHelpers.IsGrpcContentType(contentType));
    }
}
