using CustodySettle.Testing;

namespace CustodySettle.Stack.Tests;

/// <summary>docker-compose.yml is validated by Debian's docker-compose, which needs no engine.</summary>
public sealed class DockerComposeTests
{
    [Fact]
    public async Task Config_ComposeFile_IsValidAndHasTheFourServices()
    {
        var result = await ProcessRunner.RunAsync(
            "docker-compose", ["-f", RepositoryPaths.Combine("docker-compose.yml"), "config", "--services"], TimeSpan.FromMinutes(1));

        Assert.True(result.ExitCode == 0, result.Output);
        var services = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(["anvil", "custodysettle", "deployer", "postgres"], services.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Config_ServiceBuild_UsesTheRepositoryDockerfile()
    {
        var result = await ProcessRunner.RunAsync(
            "docker-compose", ["-f", RepositoryPaths.Combine("docker-compose.yml"), "config"], TimeSpan.FromMinutes(1));

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("dockerfile: Dockerfile", result.StandardOutput, StringComparison.Ordinal);
        Assert.True(File.Exists(RepositoryPaths.Combine("Dockerfile")));
    }

    [Fact]
    public async Task Config_Minter_AnAccountOfItsOwnWhoseKeyTheServiceHolds()
    {
        var result = await ProcessRunner.RunAsync(
            "docker-compose", ["-f", RepositoryPaths.Combine("docker-compose.yml"), "config"], TimeSpan.FromMinutes(1));

        // The deploy step grants MINTER_ROLE to this account, and the service signs with its key (the
        // Chain tests check that this key is this account's); the deployer's is another.
        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains($"CS_DEPLOY_MINTER: '{AnvilFixture.MinterAccount}'", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains($"CS_MINTER_KEY: '{AnvilFixture.MinterKey}'", result.StandardOutput, StringComparison.Ordinal);
    }
}
