using CustodySettle.Testing;

namespace CustodySettle.Cli.Tests;

/// <summary>
/// What the guides' examples assume: the service on a private anvil after <c>custodysettle demo</c> has
/// played, with the layout of a local stack under <see cref="Root"/> (<c>.stack/operator.key</c>,
/// <c>.stack/demo-keys/</c>). One per test class that uses it.
/// </summary>
public sealed class PlayedDemoFixture : IAsyncLifetime
{
    private readonly DeployedAnvilFixture _chain = new();
    private CliHarness? _cli;

    /// <summary>A folder of the fixture's own, standing for the repository's root.</summary>
    public string Root { get; } = Directory.CreateTempSubdirectory("cs-played-demo-").FullName;

    internal CliHarness Cli => _cli ?? throw new InvalidOperationException("not initialized");

    public async Task InitializeAsync()
    {
        await _chain.InitializeAsync();
        _cli = await CliHarness.StartOnChainAsync(_chain);
        var demo = await _cli.PlayDemoAsync(_chain, Root);
        Assert.True(demo.ExitCode == 0, demo.ToString());
    }

    public async Task DisposeAsync()
    {
        if (_cli is not null)
        {
            await _cli.DisposeAsync();
        }

        await _chain.DisposeAsync();
        Directory.Delete(Root, recursive: true);
    }
}
