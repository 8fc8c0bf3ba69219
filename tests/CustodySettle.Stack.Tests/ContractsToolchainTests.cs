using System.Text.Json;
using CustodySettle.Testing;

namespace CustodySettle.Stack.Tests;

/// <summary>forge from npm compiles with npm's solc through contracts/tools/solc.</summary>
public sealed class ContractsToolchainTests
{
    [Fact]
    public async Task SolcWrapper_Version_PrintsTheNativeVersionLineForgeParses()
    {
        var result = await ProcessRunner.RunAsync(StackSettings.Current.Solc, ["--version"], TimeSpan.FromSeconds(30));

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"(?m)^Version: 0\.8\.\d+\+commit\.[0-9a-f]{8}\.Linux\.g\+\+$", result.StandardOutput);
    }

    [Fact]
    public async Task ForgeBuild_ContractImportingOpenZeppelin_ProducesBytecode()
    {
        var project = Directory.CreateTempSubdirectory("cs-forge-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(project, "src"));
            var modules = RepositoryPaths.Combine("node_modules");
            await File.WriteAllTextAsync(Path.Combine(project, "foundry.toml"), $"""
                [profile.default]
                src = "src"
                libs = ["{modules}"]
                remappings = ["@openzeppelin/={modules}/@openzeppelin/"]
                offline = true
                auto_detect_solc = false
                """);
            await File.WriteAllTextAsync(Path.Combine(project, "src", "Probe.sol"), """
                // SPDX-License-Identifier: MIT
                pragma solidity ^0.8.20;
                import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
                contract Probe is ERC20 {
                    constructor() ERC20("Probe", "PRB") { _mint(msg.sender, 1); }
                }
                """);

            var result = await ProcessRunner.RunAsync(
                StackSettings.Current.ForgeBinary, ["build", "--use", StackSettings.Current.Solc], TimeSpan.FromMinutes(3), workingDirectory: project);

            Assert.True(result.ExitCode == 0, result.Output);
            using var artifact = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(project, "out", "Probe.sol", "Probe.json")));
            var bytecode = artifact.RootElement.GetProperty("bytecode").GetProperty("object").GetString()!;
            Assert.StartsWith("0x6080", bytecode, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(project, recursive: true);
        }
    }
}
