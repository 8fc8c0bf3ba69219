using System.Numerics;
using CustodySettle.Chain.Abi;
using CustodySettle.Chain.Primitives;

namespace CustodySettle.Chain.Tests.Abi;

public sealed class AbiErrorTests
{
    [Fact]
    public void Selectors_BuiltInErrors_MatchSolidityDocs()
    {
        Assert.Equal("0x08c379a0", Hex.Encode(AbiError.ErrorString.Selector.Span));
        Assert.Equal("0x4e487b71", Hex.Encode(AbiError.Panic.Selector.Span));
        Assert.Equal("Error(string)", AbiError.ErrorString.Signature);
    }

    [Fact]
    public void Encode_ErrorString_MatchesSolidityDocsExample()
    {
        // The revert("Not enough Ether provided.") example of the Solidity docs (control structures, revert).
        var data = AbiError.ErrorString.Encode("Not enough Ether provided.");

        Assert.Equal(
            "0x08c379a0" +
            "0000000000000000000000000000000000000000000000000000000000000020" +
            "000000000000000000000000000000000000000000000000000000000000001a" +
            "4e6f7420656e6f7567682045746865722070726f76696465642e000000000000",
            Hex.Encode(data));
    }

    [Fact]
    public void Decode_CustomError_NamedArguments()
    {
        var error = AbiError.Parse("SupplyMismatch(uint256 expected, uint256 actual)");

        var values = error.Decode(error.Encode(10, 12));

        Assert.Equal("SupplyMismatch(uint256,uint256)", error.Signature);
        Assert.Equal(new BigInteger(10), values["expected"]);
        Assert.Equal(new BigInteger(12), values["actual"]);
    }

    [Fact]
    public void Decode_OtherSelector_Throws()
    {
        Assert.False(AbiError.Panic.Matches(AbiError.ErrorString.Encode("x")));
        Assert.Throws<AbiDecodingException>(() => AbiError.Panic.Decode(AbiError.ErrorString.Encode("x")));
    }
}
