using System.Numerics;
using System.Text;
using CustodySettle.Chain.Abi;
using CustodySettle.Chain.Primitives;

namespace CustodySettle.Chain.Tests.Abi;

// The examples of the Solidity ABI spec (docs.soliditylang.org/en/latest/abi-spec.html, "Examples" and
// "Use of Dynamic Types"), with the exact call data the spec prints.
public sealed class AbiFunctionTests
{
    [Fact]
    public void EncodeCall_SpecBaz_MatchesSpec()
    {
        var baz = AbiFunction.Parse("baz(uint32 x, bool y)", "bool r", AbiStateMutability.Pure);

        var data = baz.EncodeCall(69, true);

        Assert.Equal(
            "0xcdcd77c0" +
            "0000000000000000000000000000000000000000000000000000000000000045" +
            "0000000000000000000000000000000000000000000000000000000000000001",
            Hex.Encode(data));
        Assert.False(baz.DecodeOutput(new byte[32]).Get<bool>("r"));
    }

    [Fact]
    public void EncodeCall_SpecBar_MatchesSpec()
    {
        var bar = AbiFunction.Parse("bar(bytes3[2])");

        var data = bar.EncodeCall([new[] { "abc"u8.ToArray(), "def"u8.ToArray() }]);

        Assert.Equal(
            "0xfce353f6" +
            "6162630000000000000000000000000000000000000000000000000000000000" +
            "6465660000000000000000000000000000000000000000000000000000000000",
            Hex.Encode(data));
    }

    [Fact]
    public void EncodeCall_SpecSam_MatchesSpec()
    {
        var sam = AbiFunction.Parse("sam(bytes,bool,uint[])");

        var data = sam.EncodeCall("dave"u8.ToArray(), true, new List<int> { 1, 2, 3 });

        Assert.Equal("sam(bytes,bool,uint256[])", sam.Signature);
        Assert.Equal(
            "0xa5643bf2" +
            "0000000000000000000000000000000000000000000000000000000000000060" +
            "0000000000000000000000000000000000000000000000000000000000000001" +
            "00000000000000000000000000000000000000000000000000000000000000a0" +
            "0000000000000000000000000000000000000000000000000000000000000004" +
            "6461766500000000000000000000000000000000000000000000000000000000" +
            "0000000000000000000000000000000000000000000000000000000000000003" +
            "0000000000000000000000000000000000000000000000000000000000000001" +
            "0000000000000000000000000000000000000000000000000000000000000002" +
            "0000000000000000000000000000000000000000000000000000000000000003",
            Hex.Encode(data));
    }

    [Fact]
    public void EncodeCall_SpecDynamicTypesF_MatchesSpec()
    {
        var f = AbiFunction.Parse("f(uint,uint32[],bytes10,bytes)");

        var data = f.EncodeCall(0x123, new List<int> { 0x456, 0x789 }, "1234567890"u8.ToArray(), "Hello, world!"u8.ToArray());

        Assert.Equal(
            "0x8be65246" +
            "0000000000000000000000000000000000000000000000000000000000000123" +
            "0000000000000000000000000000000000000000000000000000000000000080" +
            "3132333435363738393000000000000000000000000000000000000000000000" +
            "00000000000000000000000000000000000000000000000000000000000000e0" +
            "0000000000000000000000000000000000000000000000000000000000000002" +
            "0000000000000000000000000000000000000000000000000000000000000456" +
            "0000000000000000000000000000000000000000000000000000000000000789" +
            "000000000000000000000000000000000000000000000000000000000000000d" +
            "48656c6c6f2c20776f726c642100000000000000000000000000000000000000",
            Hex.Encode(data));
    }

    [Fact]
    public void EncodeCall_SpecDynamicTypesG_MatchesSpecAndDecodesBack()
    {
        var g = AbiFunction.Parse("g(uint[][] numbers, string[] words)");
        object[] numbers = [new[] { 1, 2 }, new[] { 3 }];
        string[] words = ["one", "two", "three"];

        var data = g.EncodeCall(numbers, words);

        Assert.Equal(
            "0x2289b18c" +
            "0000000000000000000000000000000000000000000000000000000000000040" +
            "0000000000000000000000000000000000000000000000000000000000000140" +
            "0000000000000000000000000000000000000000000000000000000000000002" +
            "0000000000000000000000000000000000000000000000000000000000000040" +
            "00000000000000000000000000000000000000000000000000000000000000a0" +
            "0000000000000000000000000000000000000000000000000000000000000002" +
            "0000000000000000000000000000000000000000000000000000000000000001" +
            "0000000000000000000000000000000000000000000000000000000000000002" +
            "0000000000000000000000000000000000000000000000000000000000000001" +
            "0000000000000000000000000000000000000000000000000000000000000003" +
            "0000000000000000000000000000000000000000000000000000000000000003" +
            "0000000000000000000000000000000000000000000000000000000000000060" +
            "00000000000000000000000000000000000000000000000000000000000000a0" +
            "00000000000000000000000000000000000000000000000000000000000000e0" +
            "0000000000000000000000000000000000000000000000000000000000000003" +
            "6f6e650000000000000000000000000000000000000000000000000000000000" +
            "0000000000000000000000000000000000000000000000000000000000000003" +
            "74776f0000000000000000000000000000000000000000000000000000000000" +
            "0000000000000000000000000000000000000000000000000000000000000005" +
            "7468726565000000000000000000000000000000000000000000000000000000",
            Hex.Encode(data));
        var decoded = g.DecodeCall(data);
        object[] expected = [new object[] { new object[] { (BigInteger)1, (BigInteger)2 }, new object[] { (BigInteger)3 } }, words];
        AbiAssert.DeepEqual(expected, decoded.Values.ToArray());
        Assert.Equal("three", ((object[])decoded["words"])[2]);
    }

    [Theory]
    // Well-known ERC-20 and Multicall3 selectors (4byte.directory; Multicall3 at 0xcA11bde05977b3631167028862bE2a173976CA11).
    [InlineData("transfer(address,uint256)", "0xa9059cbb")]
    [InlineData("balanceOf(address)", "0x70a08231")]
    [InlineData("approve(address,uint256)", "0x095ea7b3")]
    [InlineData("transferFrom(address,address,uint256)", "0x23b872dd")]
    [InlineData("totalSupply()", "0x18160ddd")]
    [InlineData("aggregate3((address,bool,bytes)[])", "0x82ad56cb")]
    public void Selector_WellKnownSignature_Matches(string signature, string selector)
    {
        var function = AbiFunction.Parse(signature);

        Assert.Equal(signature, function.Signature);
        Assert.Equal(selector, Hex.Encode(function.Selector.Span));
    }

    [Fact]
    public void EncodeCall_Transfer_SelectorThenArguments()
    {
        var transfer = AbiFunction.Parse("transfer(address to, uint256 amount)", "bool");
        var to = Address.Parse("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");

        var data = transfer.EncodeCall(to, BigInteger.Parse("1000000000000000000", System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(
            "0xa9059cbb" +
            "00000000000000000000000070997970c51812dc3a010c7d01b50e0d17dc79c8" +
            "0000000000000000000000000000000000000000000000000de0b6b3a7640000",
            Hex.Encode(data));
        Assert.Equal(to, transfer.DecodeCall(data).Get<Address>("to"));
    }

    [Fact]
    public void EncodeCall_Aggregate3_TupleArray()
    {
        var aggregate3 = AbiFunction.Parse("aggregate3((address,bool,bytes)[] calls)", "(bool,bytes)[] returnData", AbiStateMutability.Payable);
        var target = Address.Parse("0x5FbDB2315678afecb367f032d93F642f64180aa3");
        var calls = new List<object> { new object[] { target, true, Hex.Decode("0x18160ddd") } };

        var data = aggregate3.EncodeCall(calls);
        var back = (object[])aggregate3.DecodeCall(data)["calls"];

        AbiAssert.DeepEqual(calls, back);
        var output = aggregate3.EncodeOutput(new List<object> { new object[] { true, new byte[32] } });
        var results = (object[])aggregate3.DecodeOutput(output).Get<object[]>("returnData")[0];
        Assert.True((bool)results[0]);
    }

    [Fact]
    public void EncodeCall_WrongArgumentCount_Throws()
    {
        var transfer = AbiFunction.Parse("transfer(address,uint256)");

        var error = Assert.Throws<ArgumentException>(() => transfer.EncodeCall(Address.Zero));

        Assert.Contains("expected 2 values, got 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DecodeCall_OtherSelector_Throws()
    {
        var transfer = AbiFunction.Parse("transfer(address,uint256)");

        Assert.Throws<AbiDecodingException>(() => transfer.DecodeCall(Hex.Decode("0x095ea7b3")));
        Assert.Throws<AbiDecodingException>(() => transfer.DecodeCall(Hex.Decode("0xa905")));
    }

    [Fact]
    public void DecodeOutput_ShortReturnData_AbiDecodingException()
    {
        var balanceOf = AbiFunction.Parse("balanceOf(address)", "uint256", AbiStateMutability.View);

        Assert.Throws<AbiDecodingException>(() => balanceOf.DecodeOutput([]));
        Assert.Throws<AbiDecodingException>(() => balanceOf.DecodeOutput(Encoding.ASCII.GetBytes("short")));
    }

    [Fact]
    public void Parse_IndexedInput_Rejected()
    {
        Assert.Throws<FormatException>(() => AbiFunction.Parse("f(uint256 indexed a)"));
    }
}
