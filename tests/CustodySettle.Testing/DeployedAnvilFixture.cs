using Xunit;

namespace CustodySettle.Testing;

/// <summary>
/// xunit class fixture: a fresh anvil (see <see cref="AnvilFixture"/>) with every contract of
/// contracts/ deployed on it by the same deploy step the run command and docker-compose use
/// (<c>scripts/contracts.sh deploy</c>), and the deployment file it wrote. The deployer (anvil's first dev
/// account) owns the contracts and holds the oracle and executor roles; the custody tokens' minter is
/// <see cref="AnvilFixture.MinterAccount"/>, an account of its own, as the run command deploys too.
/// </summary>
public sealed class DeployedAnvilFixture : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cs-deploy-").FullName;

    /// <summary>The node.</summary>
    public AnvilFixture Anvil { get; } = new();

    /// <summary>The deployment JSON (chain id, deployer, block, contract addresses).</summary>
    public string DeploymentFile => Path.Combine(_folder, "deployment.json");

    public async Task InitializeAsync()
    {
        await Anvil.InitializeAsync();
        var result = await ProcessRunner.RunAsync(
            RepositoryPaths.Combine("scripts", "contracts.sh"),
            ["deploy", "--rpc-url", Anvil.RpcUrl.ToString(), "--out", DeploymentFile, "--minter", AnvilFixture.MinterAccount],
            TimeSpan.FromMinutes(6)); // generous: deploys of parallel fixtures compete for the CPU on a 2-core CI machine
        if (result.ExitCode != 0 || !File.Exists(DeploymentFile))
        {
            throw new InvalidOperationException($"scripts/contracts.sh deploy failed ({result.ExitCode}):\n{result.Output}");
        }
    }

    public async Task DisposeAsync()
    {
        await Anvil.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}
