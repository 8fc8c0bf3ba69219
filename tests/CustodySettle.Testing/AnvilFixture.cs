using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit;

namespace CustodySettle.Testing;

/// <summary>
/// xunit class fixture: a fresh anvil node of its own for each test class (chain id 31337, the
/// standard funded dev accounts), on a port the OS picks, stopped when the class is done. Within a
/// class, <see cref="SnapshotAsync"/> and <see cref="RevertAsync"/> give each test a clean state.
/// </summary>
public sealed partial class AnvilFixture : IAsyncLifetime
{
    /// <summary>anvil's first default account (mnemonic "test test ... junk"), funded with 10,000 ETH.</summary>
    public const string DevAccount0 = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";

    /// <summary>
    /// anvil's tenth default account: the custody tokens' minter in every test deployment
    /// (<see cref="DeployedAnvilFixture"/>), so the service's signer is the only sender from it. A test
    /// sending as the deployer while the service mints with the same key would race it for nonces, and a
    /// mint signed at a nonce the test's transaction already holds in the pool replaces it there (its fee is
    /// higher), so the test's hash is never mined.
    /// </summary>
    public const string MinterAccount = "0xa0Ee7A142d267C1f36714E4a8F75612F20a79720";

    /// <summary><see cref="MinterAccount"/>'s key (public test knowledge, never a real key).</summary>
    public const string MinterKey = "0x2a871d0798f97d79848a013d4936a73bf4cc922c825d33c1cf7073dff6d409c6";

    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly LogTail _output = new(200);
    private readonly string _home = Path.Combine(Path.GetTempPath(), $"cs-anvil-home-{Guid.NewGuid():N}");
    private Process? _process;
    private long _nextId;

    /// <summary>The node's JSON-RPC endpoint.</summary>
    public Uri RpcUrl { get; private set; } = new("http://127.0.0.1:0");

    /// <summary>The node's own HOME (AnvilProcess), where it spills block states; deleted on dispose.</summary>
    public string Home => _home;

    /// <summary>Extra anvil arguments, for fixtures that derive from this one.</summary>
    public IReadOnlyList<string> ExtraArguments { get; init; } = [];

    [GeneratedRegex(@"Listening on (?<endpoint>127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();

    public async Task InitializeAsync()
    {
        var start = AnvilProcess.StartInfo(_home, ["--host", "127.0.0.1", "--port", "0", "--chain-id", "31337", .. ExtraArguments]);

        var listening = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        _process = new Process { StartInfo = start };
        // Drain both pipes for the node's whole life: anvil logs every call, and a full pipe would block it.
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            _output.Add(e.Data);
            var match = ListeningLine().Match(e.Data);
            if (match.Success)
            {
                listening.TrySetResult(match.Groups["endpoint"].Value);
            }
        };
        _process.ErrorDataReceived += (_, e) => _output.Add(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var endpoint = await listening.Task.WaitAsync(TimeSpan.FromSeconds(30));
        RpcUrl = new Uri($"http://{endpoint}");
    }

    /// <summary>Sends one JSON-RPC request and returns its result; an RPC error throws with its text.</summary>
    public async Task<JsonElement> RpcAsync(string method, params object[] parameters)
    {
        var id = Interlocked.Increment(ref _nextId);
        using var response = await Http.PostAsJsonAsync(RpcUrl, new { jsonrpc = "2.0", id, method, @params = parameters });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        if (body.TryGetProperty("error", out var error))
        {
            throw new InvalidOperationException($"{method} failed: {error}");
        }

        return body.GetProperty("result").Clone();
    }

    /// <summary>The current block number.</summary>
    public async Task<long> BlockNumberAsync() => ParseQuantity((await RpcAsync("eth_blockNumber")).GetString()!);

    /// <summary>Takes a snapshot of the chain state (evm_snapshot); revert to it with <see cref="RevertAsync"/>.</summary>
    public async Task<string> SnapshotAsync() => (await RpcAsync("evm_snapshot")).GetString()!;

    /// <summary>Restores a snapshot (evm_revert). A snapshot can be reverted to once.</summary>
    public async Task RevertAsync(string snapshotId)
    {
        if (!(await RpcAsync("evm_revert", snapshotId)).GetBoolean())
        {
            throw new InvalidOperationException($"evm_revert({snapshotId}) refused");
        }
    }

    /// <summary>The node's recent output, for failure messages.</summary>
    public string RecentOutput => _output.ToString();

    /// <summary>Parses an Ethereum JSON-RPC quantity ("0x1a").</summary>
    public static long ParseQuantity(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        return long.Parse(hex.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
    }

    public async Task DisposeAsync()
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

        if (Directory.Exists(_home))
        {
            Directory.Delete(_home, recursive: true);
        }
    }
}
