using CustodySettle.Chain.Following;
using CustodySettle.Chain.Primitives;
using CustodySettle.Chain.Rpc;
using CustodySettle.Chain.Tests.Rpc;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CustodySettle.Chain.Tests.Following;

/// <summary>
/// One follower scenario: an RPC client to an anvil node, a freshly deployed emitter, a consumer table
/// of its own in the class's database, and followers built on them.
/// </summary>
internal sealed class FollowerHarness : IDisposable
{
    private readonly NpgsqlDataSource _dataSource;

    private FollowerHarness(TestRpc rpc, NpgsqlDataSource dataSource, Address emitter, long startBlock, string name)
    {
        (Rpc, _dataSource, Emitter, StartBlock, Name) = (rpc, dataSource, emitter, startBlock, name);
        Events = new EventEmitter(rpc.Rpc, emitter);
    }

    public TestRpc Rpc { get; }

    public Address Emitter { get; }

    public long StartBlock { get; }

    /// <summary>The follower's name, and its consumer's table.</summary>
    public string Name { get; }

    public EventEmitter Events { get; }

    public static async Task<FollowerHarness> CreateAsync(Uri anvil, NpgsqlDataSource dataSource, HttpMessageHandler? inner = null)
    {
        var rpc = TestRpc.Create(anvil, inner);
        var emitter = await TestContracts.DeployAsync(rpc.Eth, TestContracts.EmitterRuntime());
        var name = $"follower_{Guid.NewGuid():N}"[..24];
        await RecordingConsumer.CreateTableAsync(dataSource, name);
        return new FollowerHarness(rpc, dataSource, emitter, await rpc.Eth.BlockNumberAsync(default), name);
    }

    public RecordingConsumer Consumer(int failAfterBatches = int.MaxValue) => new(Name, Name) { FailAfterBatches = failAfterBatches };

    /// <summary>A follower of the emitter's events from its deployment block: finality depth 10, small
    /// ranges, a fast poll, unless <paramref name="configure"/> says otherwise.</summary>
    public LogFollower Follower(ILogConsumer consumer, Func<LogFollowerOptions, LogFollowerOptions>? configure = null, NpgsqlDataSource? dataSource = null, EthClient? eth = null)
    {
        var options = new LogFollowerOptions
        {
            ChainId = 31337,
            Addresses = [Emitter],
            Topics = [[TestContracts.EmittedTopic]],
            StartBlock = StartBlock,
            FinalityDepth = 10,
            InitialBlockRange = 10,
            TargetLogsPerRange = 50,
            PollInterval = TimeSpan.FromMilliseconds(20),
        };
        return new LogFollower(eth ?? Rpc.Eth, dataSource ?? _dataSource, consumer, configure?.Invoke(options) ?? options, TimeProvider.System, NullLogger<LogFollower>.Instance);
    }

    /// <summary>Polls until the follower has reached the head.</summary>
    public static async Task<IReadOnlyList<PollResult>> PollUntilCaughtUpAsync(LogFollower follower, int maxPolls = 2000)
    {
        var results = new List<PollResult>();
        for (var i = 0; i < maxPolls; i++)
        {
            results.Add(await follower.PollOnceAsync(default));
            if (results[^1].CaughtUp)
            {
                return results;
            }
        }

        throw new InvalidOperationException($"not caught up after {maxPolls} polls");
    }

    public Task<IReadOnlyList<int>> DerivedAsync() => RecordingConsumer.EventNumbersAsync(_dataSource, Name);

    /// <summary>Waits until the consumer's table holds <paramref name="count"/> rows.</summary>
    public async Task WaitForDerivedAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while ((await DerivedAsync()).Count < count)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{(await DerivedAsync()).Count} of {count} events derived after {timeout}");
            }

            await Task.Delay(20);
        }
    }

    public void Dispose() => Rpc.Dispose();
}
