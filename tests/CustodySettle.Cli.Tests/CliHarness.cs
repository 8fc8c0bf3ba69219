using CustodySettle.Server;
using CustodySettle.Server.Tests.Services;
using CustodySettle.Testing;

namespace CustodySettle.Cli.Tests;

/// <summary>
/// The service as the server's tests run it (<see cref="ApiHarness"/>: production composition, a fresh
/// database, a chain when given), and the CLI run
/// in-process against it with plain output captured: what a script piping the CLI would see.
/// </summary>
internal sealed class CliHarness : IAsyncDisposable
{
    private readonly ApiHarness _api;

    private CliHarness(ApiHarness api) => _api = api;

    public TestDatabase Database => _api.Database;

    public string OperatorKey => _api.OperatorKey;

    public Uri Address => _api.Channel.Address;

    /// <param name="chain">The chain to mirror on and read positions from; none by default.</param>
    public static async Task<CliHarness> StartAsync(ChainSettings? chain = null) => new(await ApiHarness.StartAsync(chain));

    /// <summary>The service mirroring on and reading from <paramref name="fixture"/>'s deployment, its passes quick for tests.</summary>
    public static Task<CliHarness> StartOnChainAsync(DeployedAnvilFixture fixture) => StartAsync(new ChainSettings
    {
        RpcUrl = fixture.Anvil.RpcUrl,
        DeploymentFile = fixture.DeploymentFile,
        MinterKey = AnvilFixture.MinterKey, // an account of its own: the demo sends as the deployer meanwhile
        ContractsOut = ContractsOut,
        FinalityDepth = 1,
        MirrorInterval = TimeSpan.FromMilliseconds(200),
        MarginInterval = TimeSpan.FromMilliseconds(50),
    });

    public static string ContractsOut => RepositoryPaths.Combine("contracts", "out");

    /// <summary>
    /// Plays <c>custodysettle demo</c> on this service and <paramref name="fixture"/>'s chain, with the
    /// layout the guides assume under <paramref name="root"/>: <c>.stack/operator.key</c> and <c>.stack/demo-keys/</c>.
    /// </summary>
    public async Task<CliRun> PlayDemoAsync(DeployedAnvilFixture fixture, string root)
    {
        Directory.CreateDirectory(Path.Combine(root, ".stack"));
        await File.WriteAllTextAsync(Path.Combine(root, ".stack", "operator.key"), OperatorKey);
        return await OperatorAsync("demo", "--rpc-url", fixture.Anvil.RpcUrl.ToString(), "--deployment", fixture.DeploymentFile,
            "--contracts-out", ContractsOut, "--keys-dir", Path.Combine(root, ".stack", "demo-keys"));
    }

    /// <summary>The CLI with <paramref name="args"/> against this service, as the operator unless the args name a key.</summary>
    public Task<CliRun> OperatorAsync(params string[] args) => RunAsync(["--server", Address.ToString(), "--key", OperatorKey, .. args]);

    /// <summary>The CLI with <paramref name="args"/> against this service with <paramref name="key"/>.</summary>
    public Task<CliRun> AsAsync(string key, params string[] args) => RunAsync(["--server", Address.ToString(), "--key", key, .. args]);

    /// <summary>The CLI with exactly <paramref name="args"/>.</summary>
    public static async Task<CliRun> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var exit = await CliApp.RunAsync(args, CliConsole.Plain(output, error), timeout.Token);
        return new CliRun(exit, output.ToString(), error.ToString());
    }

    public ValueTask DisposeAsync() => _api.DisposeAsync();
}

/// <summary>What one CLI run printed and returned.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Output}\nstderr:\n{Error}";
}
