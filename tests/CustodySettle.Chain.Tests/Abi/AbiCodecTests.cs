using System.Numerics;
using CustodySettle.Chain.Abi;
using CustodySettle.Chain.Primitives;

namespace CustodySettle.Chain.Tests.Abi;

public sealed class AbiCodecTests
{
    private static AbiType[] Types(params string[] types) => [.. types.Select(AbiType.Parse)];

    [Theory]
    [InlineData("int256", "-1", "0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff")]
    [InlineData("int8", "-128", "0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff80")]
    [InlineData("int16", "255", "0x00000000000000000000000000000000000000000000000000000000000000ff")]
    [InlineData("uint256", "115792089237316195423570985008687907853269984665640564039457584007913129639935", "0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff")]
    [InlineData("int256", "-57896044618658097711785492504343953926634992332820282019728792003956564819968", "0x8000000000000000000000000000000000000000000000000000000000000000")]
    public void Encode_Integer_TwosComplementWord(string type, string value, string expected)
    {
        var encoded = AbiCodec.Encode(Types(type), [BigInteger.Parse(value, System.Globalization.CultureInfo.InvariantCulture)]);

        Assert.Equal(expected, Hex.Encode(encoded));
        Assert.Equal(BigInteger.Parse(value, System.Globalization.CultureInfo.InvariantCulture), AbiCodec.Decode(Types(type), encoded)[0]);
    }

    [Fact]
    public void Encode_AddressAndBytes32_PaddedCorrectly()
    {
        var address = Address.Parse("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");

        var encoded = AbiCodec.Encode(Types("address", "bytes2"), [address, new byte[] { 0xab, 0xcd }]);

        Assert.Equal(
            "0x000000000000000000000000f39fd6e51aad88f6f4ce6ab8827279cfffb92266" +
            "abcd000000000000000000000000000000000000000000000000000000000000",
            Hex.Encode(encoded));
    }

    [Fact]
    public void Encode_NoValues_Empty()
    {
        Assert.Empty(AbiCodec.Encode([], []));
        Assert.Empty(AbiCodec.Decode([], []));
    }

    [Fact]
    public void Decode_TupleWithDynamicMember_OffsetsRelativeToTuple()
    {
        // (uint256,(string,uint8)): the inner tuple is dynamic, so it sits in the tail behind an offset.
        var types = Types("uint256", "(string,uint8)");
        object[] values = [new BigInteger(7), new object[] { "hi", new BigInteger(3) }];

        var encoded = AbiCodec.Encode(types, values);

        Assert.Equal(
            "0x0000000000000000000000000000000000000000000000000000000000000007" +
            "0000000000000000000000000000000000000000000000000000000000000040" +
            "0000000000000000000000000000000000000000000000000000000000000040" +
            "0000000000000000000000000000000000000000000000000000000000000003" +
            "0000000000000000000000000000000000000000000000000000000000000002" +
            "6869000000000000000000000000000000000000000000000000000000000000",
            Hex.Encode(encoded));
        AbiAssert.DeepEqual(values, AbiCodec.Decode(types, encoded));
    }

    [Fact]
    public void EncodeDecode_RandomNestedTypes_RoundTrip()
    {
        var random = new RandomAbi(seed: 20240601);
        for (var iteration = 0; iteration < 2000; iteration++)
        {
            var types = Enumerable.Range(0, random.Random.Next(1, 5)).Select(_ => random.NextType()).ToArray();
            var values = types.Select(random.NextValue).ToArray();

            var encoded = AbiCodec.Encode(types, values);
            var decoded = AbiCodec.Decode(types, encoded);

            Assert.True(encoded.Length % 32 == 0, $"iteration {iteration}: {string.Join(',', types.AsEnumerable())}");
            AbiAssert.DeepEqual(values, decoded, $"iteration {iteration} ({string.Join(',', types.AsEnumerable())})");
            Assert.Equal(encoded, AbiCodec.Encode(types, decoded));
        }
    }

    [Fact]
    public void Decode_RandomlyCorrupted_OnlyAbiDecodingException()
    {
        var random = new RandomAbi(seed: 7);
        var failures = 0;
        for (var iteration = 0; iteration < 2000; iteration++)
        {
            var types = Enumerable.Range(0, random.Random.Next(1, 4)).Select(_ => random.NextType()).ToArray();
            var encoded = AbiCodec.Encode(types, types.Select(random.NextValue).ToArray());
            if (encoded.Length == 0)
            {
                continue;
            }

            var corrupted = Corrupt(random.Random, encoded);
            try
            {
                AbiCodec.Decode(types, corrupted);
            }
            catch (AbiDecodingException)
            {
                failures++;
            }
        }

        // Most corruptions must be caught; the rest decode to other valid values (a flipped value byte).
        Assert.True(failures > 500, $"only {failures} corruptions detected");
    }

    [Fact]
    public void Decode_TruncatedByAWordOrMore_Throws()
    {
        var random = new RandomAbi(seed: 99);
        for (var iteration = 0; iteration < 1000; iteration++)
        {
            var types = Enumerable.Range(0, random.Random.Next(1, 4)).Select(_ => random.NextType()).ToArray();
            var encoded = AbiCodec.Encode(types, types.Select(random.NextValue).ToArray());
            if (encoded.Length < 32)
            {
                continue;
            }

            var cut = random.Random.Next(32, encoded.Length + 1);

            Assert.Throws<AbiDecodingException>(() => AbiCodec.Decode(types, encoded.AsSpan(0, encoded.Length - cut)));
        }
    }

    private static byte[] Corrupt(Random random, byte[] encoded)
    {
        var copy = (byte[])encoded.Clone();
        var position = random.Next(copy.Length);
        switch (random.Next(3))
        {
            case 0:
                copy[position] ^= (byte)random.Next(1, 256);
                return copy;
            case 1:
                // An offset/length-sized lie: a big number in the low bytes of a word.
                copy[position - (position % 32) + 28] = (byte)random.Next(1, 256);
                return copy;
            default:
                return copy[..position];
        }
    }
}
