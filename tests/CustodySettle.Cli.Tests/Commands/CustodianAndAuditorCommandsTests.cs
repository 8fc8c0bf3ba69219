using System.Text.Json;

namespace CustodySettle.Cli.Tests.Commands;

/// <summary>
/// A custodian reports a statement from a CSV file; an auditor then reads what it booked: the desk's
/// account, its balance then and now, the journal, the statement export, and the audit chain, intact
/// and after a row was altered behind the service's back. Against the real service, no chain.
/// </summary>
public sealed class CustodianAndAuditorCommandsTests : IAsyncLifetime, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("cs-cli-").FullName;
    private CliHarness _cli = null!;
    private string _custodianKey = string.Empty;
    private string _auditorKey = string.Empty;

    public async Task InitializeAsync()
    {
        _cli = await CliHarness.StartAsync();
        await _cli.OperatorAsync("operator", "asset", "create", "--code", "USDC", "--decimals", "6");
        await _cli.OperatorAsync("operator", "custodian", "create", "--id", "vault");
        await _cli.OperatorAsync("operator", "desk", "create", "--id", "alpha", "--wallet", "0x1111111111111111111111111111111111111111");
        await _cli.OperatorAsync("operator", "desk", "create", "--id", "beta", "--wallet", "0x2222222222222222222222222222222222222222");
        _custodianKey = await KeyAsync("custodian", "vault");
        _auditorKey = await KeyAsync("auditor", string.Empty);
    }

    public async Task DisposeAsync() => await _cli.DisposeAsync();

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task ReportFromCsv_BooksEveryLine_AndTheAuditorSeesTheBalances()
    {
        var csv = await CsvAsync("desk_id,asset,balance,reference", "alpha,USDC,1500000,ref-a", "beta,USDC,250000");

        var report = await _cli.AsAsync(_custodianKey, "--json", "custodian", "report", csv, "--statement-id", "s-1", "--as-of", "2026-12-01T00:00:00Z");
        var accounts = await _cli.AsAsync(_auditorKey, "--json", "auditor", "accounts", "--owner-kind", "desk", "--owner", "alpha");

        Assert.True(report.ExitCode == 0, report.ToString());
        using var statement = JsonDocument.Parse(report.Output);
        Assert.Equal(2, statement.RootElement.GetProperty("lines").GetArrayLength());
        using var list = JsonDocument.Parse(accounts.Output);
        var account = Assert.Single(list.RootElement.EnumerateArray());
        Assert.Equal("1500000", account.GetProperty("balance").GetProperty("net_posted").GetString());

        var id = account.GetProperty("account_id").GetString()!;
        var before = await _cli.AsAsync(_auditorKey, "--json", "auditor", "balance", "--account", id, "--sequence", "0");
        var now = await _cli.AsAsync(_auditorKey, "auditor", "balance", "--account", id);
        using var atZero = JsonDocument.Parse(before.Output);
        Assert.Equal("0", atZero.RootElement.GetProperty("balance").GetProperty("net_posted").GetString());
        Assert.Contains(now.Output.Split('\n'), l => l.Contains("balance.net_posted", StringComparison.Ordinal) && l.Contains("1500000", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReportFromCsv_ABadLine_Exit2NamingIt_AndNothingBooked()
    {
        var csv = await CsvAsync("desk_id,asset,balance", "alpha,USDC,1500000", "beta,USDC");

        var report = await _cli.AsAsync(_custodianKey, "custodian", "report", csv, "--statement-id", "s-1", "--as-of", "2026-12-01T00:00:00Z");
        var accounts = await _cli.AsAsync(_auditorKey, "--json", "auditor", "accounts", "--owner-kind", "desk", "--owner", "alpha");

        Assert.True(accounts.ExitCode == 0, accounts.ToString());
        Assert.Equal(ExitCodes.Usage, report.ExitCode);
        Assert.Contains("line 3", report.Error, StringComparison.Ordinal);
        Assert.Contains("nothing was sent", report.Error, StringComparison.Ordinal);
        Assert.Equal("[]", accounts.Output.Trim());
    }

    [Fact]
    public async Task JournalAndExport_AfterAStatement_ListTheEntriesAndTieOut()
    {
        await _cli.AsAsync(_custodianKey, "custodian", "report", await CsvAsync("desk_id,asset,balance", "alpha,USDC,1500000"), "--statement-id", "s-1", "--as-of", "2026-12-01T00:00:00Z");
        var exported = Path.Combine(_directory, "alpha.csv");

        var journal = await _cli.AsAsync(_auditorKey, "--json", "auditor", "journal", "--owner-kind", "desk", "--owner", "alpha", "--all");
        var export = await _cli.AsAsync(_auditorKey, "auditor", "export", "--owner-kind", "desk", "--owner", "alpha",
            "--from", "2026-01-01T00:00:00Z", "--to", "2030-01-01T00:00:00Z", "--out", exported);

        Assert.True(journal.ExitCode == 0, journal.ToString());
        using var entries = JsonDocument.Parse(journal.Output);
        Assert.Equal("1500000", Assert.Single(entries.RootElement.EnumerateArray()).GetProperty("amount").GetString());
        Assert.True(export.ExitCode == 0, export.ToString());
        Assert.Contains("wrote", export.Output, StringComparison.Ordinal);
        Assert.Contains("1500000", await File.ReadAllTextAsync(exported), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_IntactThenARowAltered_Exit0ThenExit8AtItsSequence()
    {
        await _cli.AsAsync(_custodianKey, "custodian", "report", await CsvAsync("desk_id,asset,balance", "alpha,USDC,1500000", "beta,USDC,5"), "--statement-id", "s-1", "--as-of", "2026-12-01T00:00:00Z");

        var intact = await _cli.AsAsync(_auditorKey, "auditor", "verify");
        await using (var connection = await _cli.Database.DataSource.OpenConnectionAsync())
        {
            await using var tamper = new Npgsql.NpgsqlCommand("UPDATE ledger_journal SET amount = amount + 1 WHERE seq = 2", connection);
            await tamper.ExecuteNonQueryAsync();
        }

        var broken = await _cli.AsAsync(_auditorKey, "--json", "auditor", "verify");

        Assert.True(intact.ExitCode == 0, intact.ToString());
        Assert.Contains("intact: 2 entries", intact.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.ChainBroken, broken.ExitCode);
        using var result = JsonDocument.Parse(broken.Output);
        Assert.Equal("2", result.RootElement.GetProperty("first_break").GetProperty("sequence").GetString());
    }

    [Fact]
    public async Task AuditorReportingAStatement_Exit5_Forbidden()
    {
        var run = await _cli.AsAsync(_auditorKey, "custodian", "report", await CsvAsync("desk_id,asset,balance", "alpha,USDC,1"), "--statement-id", "s-1", "--as-of", "2026-12-01T00:00:00Z");

        Assert.Equal(ExitCodes.Forbidden, run.ExitCode);
    }

    private async Task<string> KeyAsync(string role, string scope)
    {
        var created = await _cli.OperatorAsync("--json", "operator", "key", "create", "--role", role, "--scope", scope);
        using var key = JsonDocument.Parse(created.Output);
        return key.RootElement.GetProperty("secret").GetString()!;
    }

    private async Task<string> CsvAsync(params string[] lines)
    {
        var path = Path.Combine(_directory, $"{Guid.NewGuid():N}.csv");
        await File.WriteAllLinesAsync(path, lines);
        return path;
    }
}
