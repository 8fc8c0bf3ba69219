using CustodySettle.Chain.Abi;
using CustodySettle.Chain.Crypto;
using CustodySettle.Chain.Primitives;

namespace CustodySettle.Chain.Tests.Abi;

// "Encoding of Indexed Event Parameters" in the ABI spec.
public sealed class AbiTopicTests
{
    [Fact]
    public void Encode_Address_LeftPaddedWord()
    {
        var topic = AbiTopic.Encode(AbiType.Parse("address"), Address.Parse("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"));

        Assert.Equal("0x000000000000000000000000f39fd6e51aad88f6f4ce6ab8827279cfffb92266", topic.ToString());
    }

    [Fact]
    public void Encode_NegativeInt_SignExtended()
    {
        Assert.Equal("0x" + new string('f', 64), AbiTopic.Encode(AbiType.Parse("int16"), -1).ToString());
    }

    [Fact]
    public void Encode_StringAndBytes_HashOfRawContents()
    {
        Assert.Equal(Hash32.FromBytes(Keccak256.HashUtf8("hello")), AbiTopic.Encode(AbiType.Parse("string"), "hello"));
        Assert.Equal(Hash32.FromBytes(Keccak256.Hash([1, 2, 3])), AbiTopic.Encode(AbiType.Parse("bytes"), new byte[] { 1, 2, 3 }));
    }

    [Fact]
    public void Encode_ArrayOfStrings_PaddedElementsWithoutLength()
    {
        byte[] expected = [.. "ab"u8, .. new byte[30], .. "c"u8, .. new byte[31]];

        var topic = AbiTopic.Encode(AbiType.Parse("string[]"), new List<string> { "ab", "c" });

        Assert.Equal(Hash32.FromBytes(Keccak256.Hash(expected)), topic);
    }

    [Fact]
    public void Encode_Struct_MembersPaddedInPlace()
    {
        byte[] expected = [.. new byte[31], 7, .. "xyz"u8, .. new byte[29]];

        var topic = AbiTopic.Encode(AbiType.Parse("(uint8,bytes)"), new object[] { 7, "xyz"u8.ToArray() });

        Assert.Equal(Hash32.FromBytes(Keccak256.Hash(expected)), topic);
    }
}
