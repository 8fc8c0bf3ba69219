using System.Diagnostics;
using System.Globalization;
using CustodySettle.Testing;

namespace CustodySettle.Chain.Tests.Following;

/// <summary>
/// An anvil node of the test's own that keeps its chain in a state file (--state, as scripts/stack.sh
/// runs the stack's node) on a fixed port, so it can be stopped and started again with the same chain
/// at the same URL. Stopping sends SIGTERM, on which anvil writes the state file.
/// </summary>
internal sealed class StatefulAnvil : IAsyncDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"cs-anvil-{Guid.NewGuid():N}");
    private readonly LogTail _output = new(100);
    private readonly int _port = TestPorts.Next();
    private Process? _process;

    public Uri RpcUrl => new($"http://127.0.0.1:{_port}");

    public string StateFile => Path.Combine(_directory, "state.json");

    public static async Task<StatefulAnvil> StartAsync()
    {
        var anvil = new StatefulAnvil();
        Directory.CreateDirectory(anvil._directory);
        await anvil.StartAgainAsync();
        return anvil;
    }

    /// <summary>Starts the node (again), loading the state file if there is one.</summary>
    public async Task StartAgainAsync()
    {
        // The node's HOME is its own folder too, so its state spill goes where DisposeAsync deletes.
        var start = AnvilProcess.StartInfo(_directory, ["--host", "127.0.0.1", "--port", _port.ToString(CultureInfo.InvariantCulture), "--chain-id", "31337", "--state", StateFile]);

        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) =>
        {
            _output.Add(e.Data);
            if (e.Data?.Contains("Listening on", StringComparison.Ordinal) == true)
            {
                listening.TrySetResult();
            }
        };
        _process.ErrorDataReceived += (_, e) => _output.Add(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await listening.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>Stops the node with SIGTERM (it writes its state file) and waits for it to exit.</summary>
    public async Task StopAsync()
    {
        if (_process is null)
        {
            return;
        }

        if (!_process.HasExited)
        {
            var kill = await ProcessRunner.RunAsync("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)], TimeSpan.FromSeconds(10));
            Assert.True(kill.ExitCode == 0, kill.Output);
            using var exited = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            await _process.WaitForExitAsync(exited.Token);
        }

        _process.Dispose();
        _process = null;
        Assert.True(File.Exists(StateFile), $"anvil wrote no state file:\n{_output}");
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }

            _process.Dispose();
        }

        Directory.Delete(_directory, recursive: true);
    }
}
