using CustodySettle.Testing;

namespace CustodySettle.Chain.Tests.Stack;

/// <summary>The test anvil's state spill stays in its own HOME and goes with it (AnvilProcess).</summary>
public sealed class AnvilFixtureTests
{
    [Fact]
    public async Task DisposeAsync_AfterBlocksLeftMemory_RemovesTheNodesSpill()
    {
        var anvil = new AnvilFixture();
        await anvil.InitializeAsync();
        string spill;
        try
        {
            // anvil keeps recent block states in memory and writes older ones to $HOME/.foundry/anvil/tmp.
            await anvil.RpcAsync("anvil_mine", "0x300");
            spill = Path.Combine(anvil.Home, ".foundry", "anvil", "tmp");
            Assert.True(
                Directory.Exists(spill) && Directory.EnumerateFiles(spill, "*", SearchOption.AllDirectories).Any(),
                $"no state spill under {spill}: anvil no longer spills, or no longer under HOME");
        }
        finally
        {
            await anvil.DisposeAsync();
        }

        Assert.False(Directory.Exists(anvil.Home));
    }
}
