using CustodySettle.Chain.Following;
using CustodySettle.Testing;
using Npgsql;

namespace CustodySettle.Chain.Tests.Following;

/// <summary>The follower against a real anvil node and a real, migrated PostgreSQL database.</summary>
public sealed partial class LogFollowerTests(AnvilFixture anvil, PostgresFixture postgres) : IClassFixture<AnvilFixture>, IClassFixture<PostgresFixture>
{
    private Task<FollowerHarness> CreateHarnessAsync(HttpMessageHandler? inner = null) => FollowerHarness.CreateAsync(anvil.RpcUrl, postgres.DataSource, inner);

    [Fact]
    public async Task PollOnceAsync_SixHundredEventsDenseAndSparse_EachDeliveredOnceAndRangeAdapts()
    {
        using var harness = await CreateHarnessAsync();
        for (var round = 0; round < 10; round++)
        {
            await harness.Events.InOneBlockAsync(60);
            await harness.Events.MineEmptyAsync(80);
            await harness.Events.EachInOwnBlockAsync(3);
        }

        using var sut = harness.Follower(harness.Consumer(), o => o with
        {
            FinalityDepth = 5,
            InitialBlockRange = 10,
            MaxBlockRange = 400,
            TargetLogsPerRange = 20,
            MaxRangesPerPoll = 1,
        });
        var polls = await FollowerHarness.PollUntilCaughtUpAsync(sut);

        Assert.Equal(Enumerable.Range(0, 630), await harness.DerivedAsync());
        Assert.Equal(630, polls.Sum(p => p.LogsDelivered));
        var ranges = polls.Select(p => p.BlockRange).ToList();
        Assert.True(ranges.Max() >= 40, $"the range never grew over sparse blocks: {string.Join(',', ranges)}");
        Assert.Contains(ranges.Zip(ranges.Skip(1)), pair => pair.Second < pair.First);
        Assert.Equal(polls[^1].HeadBlockNumber, polls[^1].CursorBlockNumber);
    }

    [Fact]
    public async Task PollOnceAsync_AsServiceRole_FollowsWithTheMigrationsGrants()
    {
        using var harness = await CreateHarnessAsync();
        await harness.Events.EachInOwnBlockAsync(5);
        var asService = new NpgsqlConnectionStringBuilder(postgres.ConnectionString) { Options = "-c role=custodysettle_service" }.ConnectionString;
        await using var serviceSource = NpgsqlDataSource.Create(asService);
        using var sut = harness.Follower(harness.Consumer(), o => o with { FinalityDepth = 2 }, serviceSource);

        await FollowerHarness.PollUntilCaughtUpAsync(sut);
        await harness.Events.MineEmptyAsync(5);
        await FollowerHarness.PollUntilCaughtUpAsync(sut);

        Assert.Equal(Enumerable.Range(0, 5), await harness.DerivedAsync());
    }

    [Fact]
    public async Task PollOnceAsync_FinalizedOnly_DeliversLogsOnlyOnceFinal()
    {
        using var harness = await CreateHarnessAsync();
        await harness.Events.EachInOwnBlockAsync(3);
        using var sut = harness.Follower(harness.Consumer(), o => o with { FinalityDepth = 5, FinalizedOnly = true });

        var early = await sut.PollOnceAsync(default);
        await harness.Events.MineEmptyAsync(5);
        var late = await sut.PollOnceAsync(default);

        Assert.Equal(0, early.LogsDelivered);
        Assert.True(early.CursorBlockNumber < harness.StartBlock + 1, "no block with an event is final yet");
        Assert.Equal(3, late.LogsDelivered);
        Assert.Equal(late.HeadBlockNumber - 5, late.CursorBlockNumber);
        Assert.Equal(Enumerable.Range(0, 3), await harness.DerivedAsync());
    }

    [Fact]
    public async Task PollOnceAsync_NodeOnAnotherChain_ThrowsLogFollowerException()
    {
        using var harness = await CreateHarnessAsync();
        using var sut = harness.Follower(harness.Consumer(), o => o with { ChainId = 1 });

        var error = await Assert.ThrowsAsync<LogFollowerException>(() => sut.PollOnceAsync(default));

        Assert.Contains("31337", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PollOnceAsync_EveryBatch_CarriesFinalityOfItsLogs()
    {
        using var harness = await CreateHarnessAsync();
        await harness.Events.EachInOwnBlockAsync(4);
        await harness.Events.MineEmptyAsync(3);
        using var sut = harness.Follower(harness.Consumer(), o => o with { FinalityDepth = 5 });

        var poll = await sut.PollOnceAsync(default);
        var rows = await RecordingConsumer.BlocksAsync(postgres.DataSource, harness.Name);

        Assert.Equal(4, rows.Count);
        Assert.Equal(poll.HeadBlockNumber - 5, poll.FinalizedBlockNumber);
        await using var connection = await postgres.DataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM {harness.Name} WHERE final = (block_number <= {poll.FinalizedBlockNumber})", connection);
        Assert.Equal(4L, await command.ExecuteScalarAsync());
    }
}
