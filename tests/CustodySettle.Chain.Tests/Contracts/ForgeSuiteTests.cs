using CustodySettle.Testing;

namespace CustodySettle.Chain.Tests.Contracts;

/// <summary>
/// Runs the Solidity tests of contracts/test (forge, through scripts/contracts.sh) as part of the
/// README's test command: one case per test file, so a failure names the contract.
/// </summary>
public sealed class ForgeSuiteTests
{
    public static TheoryData<string> TestFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(RepositoryPaths.Combine("contracts", "test"), "*.t.sol").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(TestFiles))]
    public async Task ForgeTest_File_AllPass(string file)
    {
        var result = await ProcessRunner.RunAsync(
            RepositoryPaths.Combine("scripts", "contracts.sh"),
            ["test", "--match-path", $"test/{file}"],
            TimeSpan.FromMinutes(5));

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Matches(@"\d+ tests passed, 0 failed", result.StandardOutput);
    }
}
