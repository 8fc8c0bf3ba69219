using System.Text.Json;
using CustodySettle.Chain.Contracts;
using CustodySettle.Chain.Primitives;
using CustodySettle.Chain.Tests.Rpc;

namespace CustodySettle.Chain.Tests.Contracts;

public sealed class ChainContractsTests
{
    private const string Deployment = """
        {"chainId":31337,"deployer":"0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266","blockNumber":1,
         "contracts":{"Multicall3":"0x5FbDB2315678afecb367f032d93F642f64180aa3","MockUSDC":"0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512",
         "SubAccounts":"0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0","CashAsset":"0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9",
         "CustodyCollateralAsset":"0xDc64a140Aa3E981100a9becA4E685f962f0cF6C9","PerpAssetBTC":"0x5FC8d32690cc91D4c39d9d3abcBD16989F875707",
         "StandardManager":"0x0165878A594ca255338adfa4d48449f69242Eb8F","TradeExecutor":"0xa513E6E4b8f2a923D98304ec87F64353C4D5C853",
         "CustodyTokenFactory":"0x2279B7A0a67DB372996a5FaB50D91eAA73d2eBe6"}}
        """;

    [Fact]
    public void Constructor_DeployFile_BindsEveryContractAtItsAddress()
    {
        using var rpc = TestRpc.Create(new Uri("http://127.0.0.1:9"));
        var deployment = ChainDeployment.Parse(JsonDocument.Parse(Deployment).RootElement, "sample");

        var contracts = new ChainContracts(deployment, ChainHarness.Artifacts, rpc.Eth);

        Assert.Equal(deployment["PerpAssetBTC"], contracts.PerpBtc.Address);
        Assert.Equal(deployment["MockUSDC"], contracts.Usdc.Address);
        Assert.Equal(deployment["CustodyTokenFactory"], contracts.Factory.Address);
        Assert.Same(ChainHarness.Artifacts.Abi(ContractKind.PerpAsset), contracts.PerpBtc.Abi);
        Assert.Equal(0, rpc.Counter.Requests);
    }

    [Fact]
    public void KnownAddresses_DeployFile_MapsEveryNameToItsKind()
    {
        using var rpc = TestRpc.Create(new Uri("http://127.0.0.1:9"));
        var deployment = ChainDeployment.Parse(JsonDocument.Parse(Deployment).RootElement, "sample");

        var known = new ChainContracts(deployment, ChainHarness.Artifacts, rpc.Eth).KnownAddresses();

        Assert.Equal(9, known.Count);
        Assert.Equal(ContractKind.PerpAsset, known[deployment["PerpAssetBTC"]]);
        Assert.Equal(ContractKind.MockUsdc, known[deployment["MockUSDC"]]);
        Assert.Equal(ContractKind.Multicall3, known[Address.Parse("0x5FbDB2315678afecb367f032d93F642f64180aa3")]);
    }
}
