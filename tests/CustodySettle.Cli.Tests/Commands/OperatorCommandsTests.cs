using System.Text.Json;

namespace CustodySettle.Cli.Tests.Commands;

/// <summary>operator commands against the real service: tables for people, JSON for scripts, idempotent keys.</summary>
public sealed class OperatorCommandsTests : IAsyncLifetime
{
    private CliHarness _cli = null!;

    public async Task InitializeAsync() => _cli = await CliHarness.StartAsync();

    public async Task DisposeAsync() => await _cli.DisposeAsync();

    [Fact]
    public async Task DeskCreateThenList_Table_ShowsTheDeskInColumns()
    {
        var created = await _cli.OperatorAsync("operator", "desk", "create", "--id", "alpha", "--name", "Alpha Desk", "--wallet", "0x1111111111111111111111111111111111111111");
        var listed = await _cli.OperatorAsync("operator", "desk", "list");

        Assert.True(created.ExitCode == 0, created.ToString());
        Assert.Contains("display_name", created.Output, StringComparison.Ordinal);
        Assert.Contains("Alpha Desk", created.Output, StringComparison.Ordinal);
        Assert.Equal(0, listed.ExitCode);
        var header = listed.Output.Split('\n').First(l => l.Contains("desk_id", StringComparison.Ordinal));
        Assert.Contains("wallet_address", header, StringComparison.Ordinal);
        Assert.Contains(listed.Output.Split('\n'), l => l.Contains("alpha", StringComparison.Ordinal) && l.Contains("0x1111111111111111111111111111111111111111", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AssetCreateAndList_Json_IsProtoJsonWithFieldNames()
    {
        var created = await _cli.OperatorAsync("--json", "operator", "asset", "create", "--code", "USDC", "--decimals", "6");
        var listed = await _cli.OperatorAsync("operator", "asset", "list", "--json");

        Assert.True(created.ExitCode == 0, created.ToString());
        using var asset = JsonDocument.Parse(created.Output);
        Assert.Equal(("USDC", 6), (asset.RootElement.GetProperty("asset_code").GetString(), asset.RootElement.GetProperty("decimals").GetInt32()));
        using var list = JsonDocument.Parse(listed.Output);
        Assert.Equal("USDC", Assert.Single(list.RootElement.EnumerateArray()).GetProperty("asset_code").GetString());
    }

    [Fact]
    public async Task TermsSetTwiceWithOneRequestId_OneVersion_AndHistoryShowsIt()
    {
        await _cli.OperatorAsync("operator", "asset", "create", "--code", "USDC", "--decimals", "6");
        await _cli.OperatorAsync("operator", "desk", "create", "--id", "alpha", "--wallet", "0x1111111111111111111111111111111111111111");
        string[] set = ["--json", "operator", "terms", "set", "--desk", "alpha", "--settlement-asset", "USDC", "--mta", "1000000", "--cure-period", "2h", "--request-id", "6f1c2a3e-0d4b-4c6e-9a51-2b7d8e9f0a13"];

        var first = await _cli.OperatorAsync(set);
        var again = await _cli.OperatorAsync(set);
        var history = await _cli.OperatorAsync("--json", "operator", "terms", "history", "--desk", "alpha");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Equal(first.Output, again.Output);
        using var versions = JsonDocument.Parse(history.Output);
        var only = Assert.Single(versions.RootElement.EnumerateArray());
        Assert.Equal(("1000000", "7200s"), (only.GetProperty("minimum_transfer_amount").GetString(), only.GetProperty("cure_period").GetString()));
    }

    [Fact]
    public async Task KeyCreate_ShowsTheSecretOnce_AndTheNewKeyWorks()
    {
        var created = await _cli.OperatorAsync("--json", "operator", "key", "create", "--role", "auditor", "--label", "audit 2026");

        Assert.True(created.ExitCode == 0, created.ToString());
        using var key = JsonDocument.Parse(created.Output);
        var secret = key.RootElement.GetProperty("secret").GetString()!;
        Assert.Equal(0, (await _cli.AsAsync(secret, "auditor", "verify")).ExitCode);
        Assert.DoesNotContain(secret, (await _cli.OperatorAsync("operator", "key", "list")).Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_AnUpToDateDatabase_AppliesNothing()
    {
        var run = await CliHarness.RunAsync("operator", "migrate", "--database", _cli.Database.ConnectionString, "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("{\"applied\":[]}", run.Output.Trim());
    }
}
