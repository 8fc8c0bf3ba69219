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
}
