using CustodySettle.Chain.Contracts;
using CustodySettle.Testing;

namespace CustodySettle.Chain.Tests.Contracts;

public sealed class ContractArtifactsTests
{
    [Fact]
    public void Get_EveryKind_LoadsAbiAndBytecodeOnce()
    {
        var artifacts = new ContractArtifacts(RepositoryPaths.Combine("contracts", "out"));

        foreach (var kind in Enum.GetValues<ContractKind>())
        {
            var artifact = artifacts.Get(kind);
            Assert.False(artifact.Bytecode.IsEmpty, kind.ToString());
            Assert.NotEmpty(artifact.Abi.Functions);
            Assert.Same(artifact, artifacts.Get(kind));
        }

        Assert.NotNull(artifacts.Abi(ContractKind.StandardManager).GetFunction("getMargin"));
    }

    [Fact]
    public void Get_MissingArtifact_SaysToRunTheBuild()
    {
        var artifacts = new ContractArtifacts(Path.Combine(Path.GetTempPath(), "cs-no-artifacts-" + Guid.NewGuid().ToString("N")));

        var error = Assert.Throws<FileNotFoundException>(() => artifacts.Get(ContractKind.PerpAsset));

        Assert.Contains("scripts/contracts.sh build", error.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine("PerpAsset.sol", "PerpAsset.json"), error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ContractKind.MockUsdc, "MockUSDC.sol/MockUSDC.json")]
    [InlineData(ContractKind.CustodyTokenFactory, "CustodyTokenFactory.sol/CustodyTokenFactory.json")]
    public void RelativePath_Kind_IsForgesOutLayout(ContractKind kind, string expected)
    {
        Assert.Equal(expected.Replace('/', Path.DirectorySeparatorChar), ContractArtifacts.RelativePath(kind));
    }

    [Fact]
    public void LocateFolder_NotConfigured_FindsContractsOutAboveTheStart()
    {
        var start = RepositoryPaths.Combine("src", "CustodySettle.Chain", "Contracts");

        Assert.Equal(RepositoryPaths.Combine("contracts", "out"), ContractArtifacts.LocateFolder(null, [start]));
        Assert.Equal("/elsewhere/out", ContractArtifacts.LocateFolder("/elsewhere/out", [start]));
    }

    [Fact]
    public void LocateFolder_NoCheckoutAbove_NamesTheVariable()
    {
        var error = Assert.Throws<DirectoryNotFoundException>(() => ContractArtifacts.LocateFolder("", ["/"]));

        Assert.Contains(ContractArtifacts.FolderVariable, error.Message, StringComparison.Ordinal);
    }
}
