using System.Numerics;
using CustodySettle.Chain.Abi;
using CustodySettle.Chain.Primitives;

namespace CustodySettle.Chain.Tests.Abi;

public sealed class AbiEncoderTests
{
    private static byte[] Encode(string type, object? value) => AbiEncoder.Encode(AbiType.Parse(type), value, "arg");

    [Theory]
    [InlineData("uint8", 256)]
    [InlineData("uint8", -1)]
    [InlineData("int8", 128)]
    [InlineData("int8", -129)]
    [InlineData("uint256", -1)]
    public void Encode_IntegerOutOfRange_Throws(string type, long value)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Encode(type, value));

        Assert.Contains($"outside the range of {type}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Encode_Uint256Overflow_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Encode("uint256", BigInteger.One << 256));
        Assert.Throws<ArgumentOutOfRangeException>(() => Encode("int256", BigInteger.One << 255));
    }

    [Fact]
    public void Encode_AnyIntegerType_Accepted()
    {
        var expected = Encode("uint64", new BigInteger(42));

        foreach (var value in new object[] { (byte)42, (sbyte)42, (short)42, (ushort)42, 42, 42u, 42L, 42UL, (Int128)42, (UInt128)42 })
        {
            Assert.Equal(expected, Encode("uint64", value));
        }
    }

    [Theory]
    [InlineData("uint256", "12")]
    [InlineData("uint256", 1.5)]
    [InlineData("address", "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266")]
    [InlineData("bool", 1)]
    [InlineData("string", 5)]
    [InlineData("bytes", "abc")]
    [InlineData("uint8[]", "abc")]
    [InlineData("uint256", null)]
    public void Encode_WrongClrType_ArgumentException(string type, object? value)
    {
        var error = Assert.Throws<ArgumentException>(() => Encode(type, value));

        Assert.Contains($"a {AbiType.Parse(type)} cannot be encoded from", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Encode_FixedBytesWrongLength_Throws()
    {
        Assert.Throws<ArgumentException>(() => Encode("bytes3", new byte[] { 1, 2 }));
        Assert.Throws<ArgumentException>(() => Encode("bytes32", new byte[33]));
    }

    [Fact]
    public void Encode_Bytes32FromHash32_RightAligned()
    {
        var hash = Hash32.Parse("0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef");

        Assert.Equal(hash.Bytes.ToArray(), Encode("bytes32", hash));
    }

    [Fact]
    public void Encode_FixedArrayWrongCount_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => Encode("uint8[3]", new object[] { 1, 2 }));

        Assert.Contains("has 3 elements, not 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Encode_TupleWrongCount_Throws()
    {
        Assert.Throws<ArgumentException>(() => Encode("(uint8,bool)", new object[] { 1 }));
    }

    [Fact]
    public void Encode_TypedListsAndMemory_Accepted()
    {
        var fromList = Encode("uint256[]", new List<BigInteger> { 1, 2 });
        var fromArray = Encode("uint256[]", new List<int> { 1, 2 });
        var fromMemory = Encode("bytes", new ReadOnlyMemory<byte>([1, 2, 3]));

        Assert.Equal(fromList, fromArray);
        Assert.Equal(Encode("bytes", new byte[] { 1, 2, 3 }), fromMemory);
    }

    [Fact]
    public void Encode_ErrorMessage_NamesTheNestedPath()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() =>
            AbiEncoder.EncodeSequence([AbiType.Parse("(uint8,uint8[])")], [new object[] { 1, new List<int> { 1, 300 } }], "args"));

        Assert.Contains("args[0][1][1]", error.Message, StringComparison.Ordinal);
    }
}
