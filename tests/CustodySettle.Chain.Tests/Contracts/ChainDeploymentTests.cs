using System.Text.Json;
using CustodySettle.Chain.Contracts;
using CustodySettle.Chain.Primitives;

namespace CustodySettle.Chain.Tests.Contracts;

public sealed class ChainDeploymentTests
{
    private const string Sample = """
        {"chainId":31337,"deployer":"0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266","blockNumber":12,
         "contracts":{"Multicall3":"0x5FbDB2315678afecb367f032d93F642f64180aa3"}}
        """;

    [Fact]
    public void Parse_DeployFile_ReadsEveryField()
    {
        var deployment = ChainDeployment.Parse(JsonDocument.Parse(Sample).RootElement, "sample");

        Assert.Equal(31337, deployment.ChainId);
        Assert.Equal(12, deployment.BlockNumber);
        Assert.Equal(Address.Parse("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"), deployment.Deployer);
        Assert.Equal(Address.Parse("0x5FbDB2315678afecb367f032d93F642f64180aa3"), deployment["Multicall3"]);
    }

    [Fact]
    public void Indexer_UnknownContract_NamesWhatTheFileHas()
    {
        var deployment = ChainDeployment.Parse(JsonDocument.Parse(Sample).RootElement, "sample");

        var error = Assert.Throws<KeyNotFoundException>(() => deployment["PerpAssetBTC"]);
        Assert.Contains("Multicall3", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"chainId":1}""")]
    [InlineData("""{"chainId":1,"deployer":"0x12","blockNumber":1,"contracts":{}}""")]
    [InlineData("""{"chainId":"x","deployer":"0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266","blockNumber":1,"contracts":{}}""")]
    public void Parse_Malformed_ThrowsNamingTheSource(string json)
    {
        var error = Assert.Throws<FormatException>(() => ChainDeployment.Parse(JsonDocument.Parse(json).RootElement, "deploy.json"));
        Assert.StartsWith("deploy.json", error.Message, StringComparison.Ordinal);
    }
}
