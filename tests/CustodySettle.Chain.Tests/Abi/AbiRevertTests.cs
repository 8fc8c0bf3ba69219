using CustodySettle.Chain.Abi;
using CustodySettle.Chain.Primitives;

namespace CustodySettle.Chain.Tests.Abi;

public sealed class AbiRevertTests
{
    [Fact]
    public void Decode_ErrorString_MessageIsTheReason()
    {
        var revert = AbiRevert.Decode(AbiError.ErrorString.Encode("insufficient balance"));

        Assert.Equal("insufficient balance", revert.Message);
        Assert.Same(AbiError.ErrorString, revert.Error);
    }

    [Theory]
    [InlineData(0x11, "panic 0x11: arithmetic overflow or underflow")]
    [InlineData(0x12, "panic 0x12: division or modulo by zero")]
    [InlineData(0x01, "panic 0x01: assert failed")]
    [InlineData(0x32, "panic 0x32: array index out of bounds")]
    [InlineData(0x99, "panic 0x99: unknown panic code")]
    public void Decode_Panic_DescribesTheCode(int code, string message)
    {
        var data = Hex.Decode("0x4e487b71" + code.ToString("x64", System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(message, AbiRevert.Decode(data).Message);
    }

    [Fact]
    public void Decode_CustomError_FormattedWithNames()
    {
        var mismatch = AbiError.Parse("SupplyMismatch(uint256 expected, uint256 actual)");
        var who = AbiError.Parse("NotOperator(address)");

        var revert = AbiRevert.Decode(mismatch.Encode(1, 2), [who, mismatch]);
        var positional = AbiRevert.Decode(who.Encode(Address.Zero), [who, mismatch]);

        Assert.Equal("SupplyMismatch(expected: 1, actual: 2)", revert.Message);
        Assert.True(revert.Is("SupplyMismatch"));
        Assert.Equal("NotOperator(0x0000000000000000000000000000000000000000)", positional.Message);
    }

    [Fact]
    public void Decode_Empty_ReportsNoData()
    {
        var revert = AbiRevert.Decode([]);

        Assert.Null(revert.Error);
        Assert.Equal("reverted without data", revert.Message);
    }

    [Fact]
    public void Decode_UnknownSelector_ReportsSelector()
    {
        var revert = AbiRevert.Decode(Hex.Decode("0xdeadbeef00"));

        Assert.Null(revert.Error);
        Assert.Equal("unknown error 0xdeadbeef (5 bytes)", revert.Message);
    }

    [Fact]
    public void Decode_MalformedErrorString_DoesNotThrow()
    {
        var revert = AbiRevert.Decode(Hex.Decode("0x08c379a0" + new string('f', 64)));

        Assert.Null(revert.Error);
        Assert.StartsWith("malformed Error(string)", revert.Message, StringComparison.Ordinal);
    }
}
