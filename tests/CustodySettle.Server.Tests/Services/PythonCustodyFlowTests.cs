using System.Text.Json;
using CustodySettle.Testing;

namespace CustodySettle.Server.Tests.Services;

/// <summary>The whole custody flow driven from Python grpcio (tests/interop/python/custody_flow.py), to prove a non-.NET client can do it.</summary>
public sealed class PythonCustodyFlowTests(DeployedAnvilFixture fixture) : IClassFixture<DeployedAnvilFixture>
{
    [Fact]
    public async Task Grpcio_OperatorCustodianAndAuditor_StatementMintedAndReconciledClean()
    {
        using var chain = await ChainStack.CreateAsync(fixture);
        await using var api = await ApiHarness.StartAsync(chain.Settings(finalityDepth: 1, interval: TimeSpan.FromMilliseconds(200)));

        var result = await ProcessRunner.RunAsync(
            "/usr/bin/python3",
            [RepositoryPaths.Combine("tests", "interop", "python", "custody_flow.py"), api.Target, api.OperatorKey, ChainStack.DeskWallet.ToString()],
            TimeSpan.FromMinutes(2));

        Assert.True(result.ExitCode == 0, result.Output);
        using var seen = JsonDocument.Parse(result.StandardOutput);
        var root = seen.RootElement;
        Assert.Equal("LINE_EFFECT_CREDITED", root.GetProperty("effect").GetString());
        Assert.Equal("PERMISSION_DENIED", root.GetProperty("custodian_verify").GetString());
        Assert.Equal(("3000000", 0), (root.GetProperty("supply").GetString(), root.GetProperty("breaks").GetInt32()));
        Assert.True(root.GetProperty("intact").GetBoolean());
        Assert.Equal(1, root.GetProperty("entries").GetInt64());
    }
}
