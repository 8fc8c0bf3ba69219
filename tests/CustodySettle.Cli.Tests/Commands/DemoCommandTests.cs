using CustodySettle.Testing;

namespace CustodySettle.Cli.Tests.Commands;

/// <summary>
/// The demo the README's run command plays, on a private anvil with the contracts deployed and the
/// service on a fresh database: every step through to a settled call and a settlement cycle, and a
/// refusal to play again over books it already wrote.
/// </summary>
public sealed class DemoCommandTests(DeployedAnvilFixture fixture) : IClassFixture<DeployedAnvilFixture>, IAsyncLifetime, IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("cs-demo-").FullName;
    private CliHarness _cli = null!;

    public async Task InitializeAsync() => _cli = await CliHarness.StartOnChainAsync(fixture);

    public async Task DisposeAsync() => await _cli.DisposeAsync();

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Demo_FreshStack_PlaysEveryStepToASettledCallAndACycle_ThenRefusesToReplay()
    {
        var played = await _cli.PlayDemoAsync(fixture, _root);
        var again = await _cli.PlayDemoAsync(fixture, _root);

        Assert.True(played.ExitCode == 0, played.ToString());
        for (var step = 1; step <= 12; step++)
        {
            Assert.Contains($"── {step}. ", played.Output, StringComparison.Ordinal);
        }

        Assert.Contains("alpha is called for 894000000", played.Output, StringComparison.Ordinal);
        Assert.Contains("SETTLED by", played.Output, StringComparison.Ordinal);
        Assert.Contains("intact: True", played.Output, StringComparison.Ordinal);
        Assert.Equal(["alpha.key", "auditor.key", "beta.key", "vault.key"], Directory.GetFiles(Path.Combine(_root, ".stack", "demo-keys")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var alphaKey = (await File.ReadAllTextAsync(Path.Combine(_root, ".stack", "demo-keys", "alpha.key"))).Trim();
        var calls = await _cli.AsAsync(alphaKey, "--json", "desk", "calls");
        Assert.Contains("MARGIN_CALL_STATE_SETTLED", calls.Output, StringComparison.Ordinal);

        // The desk group's tables: the status's figures a row each, nested ones as outer.inner, then its positions.
        var status = await _cli.AsAsync(alphaKey, "desk", "status");
        var positions = await _cli.AsAsync(alphaKey, "desk", "positions");
        Assert.Contains(status.Output.Split('\n'), l => l.Contains("exposure", StringComparison.Ordinal) && l.Contains("3894000000", StringComparison.Ordinal));
        Assert.Contains(status.Output.Split('\n'), l => l.Contains("PerpAssetBTC", StringComparison.Ordinal) && l.Contains("1000000000000000000", StringComparison.Ordinal));
        Assert.Contains(positions.Output.Split('\n'), l => l.Contains("mark_price", StringComparison.Ordinal));

        // beta disputes the cycle's settlement with its own figure, inside the window.
        var betaKey = (await File.ReadAllTextAsync(Path.Combine(_root, ".stack", "demo-keys", "beta.key"))).Trim();
        using var settlements = System.Text.Json.JsonDocument.Parse((await _cli.AsAsync(betaKey, "--json", "desk", "settlements")).Output);
        var settlement = Assert.Single(settlements.RootElement.EnumerateArray());
        Assert.Equal("1000000000", settlement.GetProperty("net").GetString());
        var disputed = await _cli.AsAsync(betaKey, "--json", "desk", "dispute-settlement", settlement.GetProperty("settlement_id").GetString()!,
            "--reason", "our mark was 58,999.5", "--desk-amount", "1000500000");
        Assert.True(disputed.ExitCode == 0, disputed.ToString());
        using var held = System.Text.Json.JsonDocument.Parse(disputed.Output);
        Assert.Equal(("SETTLEMENT_STATE_DISPUTED", "1000500000"), (held.RootElement.GetProperty("state").GetString(), held.RootElement.GetProperty("desk_figure").GetString()));

        Assert.Equal(ExitCodes.Refused, again.ExitCode);
        Assert.Contains("already has desks", again.Error, StringComparison.Ordinal);
    }
}
