using CustodySettle.Chain.Abi;
using CustodySettle.Chain.Primitives;

namespace CustodySettle.Chain.Tests.Abi;

public sealed class ContractArtifactTests
{
    private static string Forge(string bytecode) =>
        $$"""{ "abi": {{ContractAbiTests.Json}}, "bytecode": { "object": "{{bytecode}}", "sourceMap": "", "linkReferences": {} }, "deployedBytecode": { "object": "0x00" } }""";

    [Fact]
    public void Load_ForgeArtifact_AbiAndBytecode()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, Forge("0x6080604052"));

            var artifact = ContractArtifact.Load(path);

            Assert.Equal("0x6080604052", Hex.Encode(artifact.Bytecode.Span));
            Assert.Equal("balanceOf(address)", artifact.Abi.GetFunction("balanceOf").Signature);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task LoadAsync_ForgeArtifact_SameAsLoad()
    {
        var path = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(path, Forge("0x6080"), CancellationToken.None);

            var artifact = await ContractArtifact.LoadAsync(path, CancellationToken.None);

            Assert.Equal(new byte[] { 0x60, 0x80 }, artifact.Bytecode.ToArray());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void EncodeDeployment_BytecodeThenConstructorArguments()
    {
        var artifact = ContractArtifact.Parse(Forge("0x6080"));

        var data = artifact.EncodeDeployment(1);

        Assert.Equal("0x6080" + "1".PadLeft(64, '0'), Hex.Encode(data));
    }

    [Fact]
    public void Parse_HardhatStringBytecode_Read()
    {
        var artifact = ContractArtifact.Parse($$"""{ "abi": [], "bytecode": "0xfe" }""");

        Assert.Equal(new byte[] { 0xfe }, artifact.Bytecode.ToArray());
    }

    [Fact]
    public void Parse_InterfaceWithoutBytecode_EmptyAndCannotDeploy()
    {
        var artifact = ContractArtifact.Parse(Forge("0x"));

        Assert.True(artifact.Bytecode.IsEmpty);
        Assert.Throws<InvalidOperationException>(() => artifact.EncodeDeployment());
    }

    [Fact]
    public void Parse_UnlinkedLibrary_Throws()
    {
        var error = Assert.Throws<FormatException>(() => ContractArtifact.Parse(Forge("0x6080__$1234$__6080")));

        Assert.Contains("unlinked", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NoAbi_Throws()
    {
        Assert.Throws<FormatException>(() => ContractArtifact.Parse("""{ "bytecode": "0x00" }"""));
    }
}
