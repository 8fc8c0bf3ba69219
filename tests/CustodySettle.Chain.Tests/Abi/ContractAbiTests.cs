using System.Numerics;
using CustodySettle.Chain.Abi;
using CustodySettle.Chain.Primitives;

namespace CustodySettle.Chain.Tests.Abi;

public sealed class ContractAbiTests
{
    // The tuple example of the ABI spec's "Handling tuple types" plus what forge emits for a token.
    internal const string Json = """
        [
          { "type": "constructor", "inputs": [{ "name": "initialSupply", "type": "uint256", "internalType": "uint256" }], "stateMutability": "nonpayable" },
          { "type": "function", "name": "f", "stateMutability": "pure", "outputs": [],
            "inputs": [
              { "name": "s", "type": "tuple", "internalType": "struct Test.S", "components": [
                { "name": "a", "type": "uint256" },
                { "name": "b", "type": "uint256[]" },
                { "name": "c", "type": "tuple[]", "components": [{ "name": "x", "type": "uint256" }, { "name": "y", "type": "uint256" }] } ] },
              { "name": "t", "type": "tuple", "components": [{ "name": "x", "type": "uint256" }, { "name": "y", "type": "uint256" }] },
              { "name": "a", "type": "uint256" } ] },
          { "type": "function", "name": "balanceOf", "stateMutability": "view",
            "inputs": [{ "name": "owner", "type": "address" }], "outputs": [{ "name": "", "type": "uint256" }] },
          { "type": "function", "name": "mint", "inputs": [{ "name": "to", "type": "address" }], "outputs": [], "stateMutability": "nonpayable" },
          { "type": "function", "name": "mint", "inputs": [{ "name": "to", "type": "address" }, { "name": "amount", "type": "uint256" }], "outputs": [], "stateMutability": "payable" },
          { "type": "function", "name": "old", "constant": true, "inputs": [], "outputs": [] },
          { "type": "event", "name": "Transfer", "anonymous": false, "inputs": [
            { "name": "from", "type": "address", "indexed": true },
            { "name": "to", "type": "address", "indexed": true },
            { "name": "value", "type": "uint256", "indexed": false } ] },
          { "type": "error", "name": "SupplyMismatch", "inputs": [{ "name": "expected", "type": "uint256" }, { "name": "actual", "type": "uint256" }] },
          { "type": "receive", "stateMutability": "payable" },
          { "type": "fallback", "stateMutability": "nonpayable" }
        ]
        """;

    [Fact]
    public void Parse_TupleComponents_CanonicalSignature()
    {
        var abi = ContractAbi.Parse(Json);

        var f = abi.GetFunction("f");

        Assert.Equal("f((uint256,uint256[],(uint256,uint256)[]),(uint256,uint256),uint256)", f.Signature);
        Assert.Equal("struct Test.S", f.Inputs[0].InternalType);
        Assert.Equal(["a", "b", "c"], f.Inputs[0].Components.Select(c => c.Name));
        Assert.Equal(AbiStateMutability.Pure, f.StateMutability);
    }

    [Fact]
    public void GetFunction_Overloads_BySignature()
    {
        var abi = ContractAbi.Parse(Json);

        Assert.Equal(AbiStateMutability.Payable, abi.GetFunction("mint(address,uint256)").StateMutability);
        Assert.Single(abi.GetFunction("mint(address)").Inputs);
        var error = Assert.Throws<ArgumentException>(() => abi.GetFunction("mint"));
        Assert.Contains("mint(address), mint(address,uint256)", error.Message, StringComparison.Ordinal);
        Assert.False(abi.TryGetFunction("mint", out _));
        Assert.True(abi.TryGetFunction("balanceOf", out var balanceOf));
        Assert.Equal(AbiStateMutability.View, balanceOf.StateMutability);
    }

    [Fact]
    public void GetFunction_Missing_KeyNotFound()
    {
        Assert.Throws<KeyNotFoundException>(() => ContractAbi.Parse(Json).GetFunction("burn"));
        Assert.Throws<KeyNotFoundException>(() => ContractAbi.Parse(Json).GetFunction("burn(uint256)"));
    }

    [Fact]
    public void FindFunction_BySelector()
    {
        var abi = ContractAbi.Parse(Json);

        Assert.Equal("balanceOf", abi.FindFunction(Hex.Decode("0x70a08231"))?.Name);
        Assert.Null(abi.FindFunction(Hex.Decode("0x70a0")));
    }

    [Fact]
    public void Parse_LegacyConstantFlag_View()
    {
        Assert.Equal(AbiStateMutability.View, ContractAbi.Parse(Json).GetFunction("old").StateMutability);
    }

    [Fact]
    public void TryGetEvent_ByTopic0()
    {
        var abi = ContractAbi.Parse(Json);

        Assert.True(abi.TryGetEvent(Hash32.Parse("0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef"), out var transfer));
        Assert.Same(abi.GetEvent("Transfer"), transfer);
        Assert.False(abi.TryGetEvent(Hash32.Zero, out _));
    }

    [Fact]
    public void DecodeRevert_CustomError_BySelector()
    {
        var abi = ContractAbi.Parse(Json);
        var data = abi.GetError("SupplyMismatch").Encode(100, 99);

        var revert = abi.DecodeRevert(data);

        Assert.Same(abi.FindError(data), revert.Error);
        Assert.Equal(new BigInteger(99), revert.Arguments!["actual"]);
        Assert.Equal("SupplyMismatch(expected: 100, actual: 99)", revert.Message);
    }

    [Fact]
    public void EncodeConstructorArguments_UsesConstructorInputs()
    {
        var abi = ContractAbi.Parse(Json);

        Assert.Equal(new BigInteger(5), AbiCodec.Decode([AbiType.Parse("uint256")], abi.EncodeConstructorArguments(5))[0]);
        Assert.Equal("initialSupply", Assert.Single(abi.ConstructorInputs).Name);
    }

    [Fact]
    public void Parse_ArtifactObject_ReadsAbiProperty()
    {
        var abi = ContractAbi.Parse($$"""{ "abi": {{Json}} }""");

        Assert.Equal(5, abi.Functions.Length);
    }

    [Theory]
    [InlineData("""{ "type": "function" }""", "not an array")]
    [InlineData("""[{ "type": "function", "name": "f", "inputs": [{ "name": "x" }] }]""", "no \"type\"")]
    [InlineData("""[{ "type": "function", "name": "f", "inputs": [{ "name": "x", "type": "uint7" }] }]""", "uint7")]
    [InlineData("""[{ "type": "function", "name": "f", "inputs": [{ "name": "x", "type": "tuple", "components": [] }] }]""", "tuple")]
    [InlineData("""[{ "type": "gadget", "name": "f" }]""", "unknown entry type 'gadget'")]
    [InlineData("""[{ "type": "function", "name": "f", "stateMutability": "sometimes" }]""", "stateMutability")]
    public void Parse_InvalidAbi_FormatExceptionNamesEntry(string json, string reason)
    {
        var error = Assert.ThrowsAny<FormatException>(() => ContractAbi.Parse(json.Replace("not an array", "", StringComparison.Ordinal)));

        if (reason != "not an array")
        {
            Assert.Contains("JSON ABI entry 0", error.Message, StringComparison.Ordinal);
            Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        }
    }
}
