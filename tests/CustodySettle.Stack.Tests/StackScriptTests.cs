using System.Diagnostics;
using CustodySettle.Testing;

namespace CustodySettle.Stack.Tests;

/// <summary>scripts/stack.sh against a private stack: idempotent up, crash recovery, clean down.</summary>
public sealed class StackScriptTests
{
    [Fact]
    public async Task Up_Twice_SecondIsANoOpAndStatusIsUp()
    {
        await using var stack = new PrivateStack();

        var first = await stack.RunAsync("up");
        var second = await stack.RunAsync("up");
        var status = await stack.RunAsync("status");

        Assert.True(first.ExitCode == 0, first.Output);
        Assert.True(second.ExitCode == 0, second.Output);
        Assert.Contains("already running", second.StandardOutput, StringComparison.Ordinal);
        Assert.True(status.ExitCode == 0, status.Output);
        Assert.True(File.Exists(Path.Combine(stack.Directory, "stack.env")));
    }

    [Fact]
    public async Task Up_AfterKillNine_CleansUpAndStartsAgain()
    {
        await using var stack = new PrivateStack();
        Assert.Equal(0, (await stack.RunAsync("up")).ExitCode);

        // A crash: both servers die without any clean-up.
        var postmaster = int.Parse(File.ReadLines(Path.Combine(stack.PgData, "postmaster.pid")).First(), System.Globalization.CultureInfo.InvariantCulture);
        var anvil = int.Parse(File.ReadAllText(stack.AnvilPidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Process.GetProcessById(postmaster).Kill();
        Process.GetProcessById(anvil).Kill();
        await WaitUntilAsync(() => !ProcessTable.IsAlive(postmaster) && !ProcessTable.IsAlive(anvil));
        var downStatus = await stack.RunAsync("status");

        var up = await stack.RunAsync("up");

        Assert.Equal(3, downStatus.ExitCode);
        Assert.True(up.ExitCode == 0, up.Output);
        Assert.Equal(0, (await stack.RunAsync("status")).ExitCode);
    }

    [Fact]
    public async Task Down_LeavesNoProcessSocketOrLockFile()
    {
        await using var stack = new PrivateStack();
        Assert.Equal(0, (await stack.RunAsync("up")).ExitCode);
        Assert.NotEmpty(stack.LiveProcesses());

        var down = await stack.RunAsync("down");
        var again = await stack.RunAsync("down");

        Assert.True(down.ExitCode == 0, down.Output);
        Assert.True(again.ExitCode == 0, again.Output);
        await WaitUntilAsync(() => stack.LiveProcesses().Count == 0);
        Assert.Empty(Directory.GetFileSystemEntries(stack.PgSocketDir));
        Assert.False(File.Exists(Path.Combine(stack.PgData, "postmaster.pid")));
        Assert.False(File.Exists(stack.AnvilPidFile));
        Assert.Equal(3, (await stack.RunAsync("status")).ExitCode);
    }

    [Fact]
    public async Task Up_Then_ClusterAcceptsTheGeneratedCredentialsOverTcp()
    {
        await using var stack = new PrivateStack();
        var up = await stack.RunAsync("up");
        Assert.True(up.ExitCode == 0, up.Output); // the script's own words, should it ever fail here again
        var settings = StackSettings.ParseEnvFile(await File.ReadAllLinesAsync(Path.Combine(stack.Directory, "stack.env")));

        await using var connection = new Npgsql.NpgsqlConnection(settings["CS_PG_CONNECTION"]);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT current_setting('fsync') || ' ' || current_setting('server_version_num')", connection);
        var result = (string)(await command.ExecuteScalarAsync())!;

        Assert.StartsWith("on 15", result, StringComparison.Ordinal);
    }

    internal static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met within 30 s");
            await Task.Delay(100);
        }
    }
}
