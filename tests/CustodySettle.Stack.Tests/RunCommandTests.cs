using System.Diagnostics;
using System.Text;
using CustodySettle.Testing;

namespace CustodySettle.Stack.Tests;

/// <summary>
/// The README's run command: brings the stack up, plays the demo's whole lifecycle visibly, leaves a
/// working service, and Ctrl-C leaves nothing behind.
/// </summary>
public sealed class RunCommandTests
{
    [Fact]
    public async Task Run_UntilCtrlC_PlaysTheDemoServesGrpcThenStopsEverythingAndLeavesNothingBehind()
    {
        await using var stack = new PrivateStack();
        // setsid makes run.sh a process-group leader, so the test can signal the group as a terminal's
        // Ctrl-C does (SIGINT to every process of the foreground group).
        var start = new ProcessStartInfo("setsid", [RepositoryPaths.Combine("scripts", "run.sh")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryPaths.Root,
        };
        foreach (var (key, value) in stack.Environment)
        {
            start.Environment[key] = value;
        }

        using var run = Process.Start(start)!;
        var output = new StringBuilder();
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        run.OutputDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }

            if (e.Data == "[run] ready")
            {
                ready.TrySetResult();
            }
        };
        run.ErrorDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }
        };
        run.BeginOutputReadLine();
        run.BeginErrorReadLine();

        await ready.Task.WaitAsync(TimeSpan.FromMinutes(5));
        Assert.NotEmpty(stack.LiveProcesses());
        Assert.Equal(0, (await stack.RunAsync("status")).ExitCode);
        var health = await ProcessRunner.RunAsync(
            "/usr/bin/python3", [RepositoryPaths.Combine("scripts", "grpc_probe.py"), $"127.0.0.1:{stack.ServicePort}", "health"], TimeSpan.FromSeconds(30));
        Assert.Equal("SERVING", health.StandardOutput.Trim());
        // The contracts were deployed to the stack's anvil and their addresses written for the service.
        var deployment = await File.ReadAllTextAsync(Path.Combine(stack.Directory, "deployment.json"));
        Assert.Contains("\"SubAccounts\"", deployment, StringComparison.Ordinal);
        Assert.Matches("\"chainId\": *31337", deployment);
        Assert.Matches($"\"minter\": *\"{AnvilFixture.MinterAccount}\"", deployment); // not the deployer: the demo sends as it meanwhile
        lock (output)
        {
            var shown = output.ToString();
            Assert.DoesNotContain("the demo stopped early", shown, StringComparison.Ordinal);
            Assert.Contains("alpha is called for", shown, StringComparison.Ordinal);
            Assert.Contains("SETTLED by", shown, StringComparison.Ordinal);
            Assert.Contains("── 12. The auditor verifies", shown, StringComparison.Ordinal);
        }

        // The demo's desk key works with the CLI the run points to.
        var calls = await ProcessRunner.RunAsync(RepositoryPaths.Combine("scripts", "cli.sh"),
            ["--server", $"http://127.0.0.1:{stack.ServicePort}", "--key-file", Path.Combine(stack.Directory, "demo-keys", "alpha.key"), "--json", "desk", "calls"],
            TimeSpan.FromMinutes(2), stack.Environment);
        Assert.True(calls.ExitCode == 0, calls.StandardError);
        Assert.Contains("MARGIN_CALL_STATE_SETTLED", calls.StandardOutput, StringComparison.Ordinal);

        var signal = await ProcessRunner.RunAsync("kill", ["-INT", "--", $"-{run.Id}"], TimeSpan.FromSeconds(10));
        await run.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(0, signal.ExitCode);
        Assert.Equal(130, run.ExitCode);
        // The service runs from the stack's folder too, so this covers it as well as PostgreSQL and anvil.
        await StackScriptTests.WaitUntilAsync(() => stack.LiveProcesses().Count == 0);
        Assert.Empty(Directory.GetFileSystemEntries(stack.PgSocketDir));
        lock (output)
        {
            Assert.Contains("stopping the local stack", output.ToString(), StringComparison.Ordinal);
        }
    }
}
