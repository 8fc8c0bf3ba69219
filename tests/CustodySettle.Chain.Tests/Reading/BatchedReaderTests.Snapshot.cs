using CustodySettle.Chain.Contracts;
using CustodySettle.Chain.Reading;
using CustodySettle.Chain.Rpc;
using CustodySettle.Chain.Tests.Contracts;
using CustodySettle.Chain.Tests.Rpc;

namespace CustodySettle.Chain.Tests.Reading;

/// <summary>Block pinning under concurrent mining, and the no-Multicall3 fallback.</summary>
public sealed partial class BatchedReaderTests
{
    [Fact]
    public async Task ReadAsync_BlocksMinedDuringTheRead_EveryResultIsFromThePinnedBlock()
    {
        var c = C;
        await _h.MinedAsync(c.Usdc.MintAsync(_h.Deployer, ChainHarness.AliceAddress, 1_000_000_000, default), c.Usdc.Abi);
        await _h.MinedAsync(c.Usdc.ApproveAsync(_h.Alice, c.Cash.Address, 1_000_000_000, default), c.Usdc.Abi);
        var read = c.SubAccounts.GetBalanceCall(_s.AccountA, c.Cash.Address, 0);
        // A deposit is mined before each of the reader's requests after the first (the head read).
        using var miner = new BeforeEachRequestHandler(
            new SocketsHttpHandler(),
            () => _h.MinedAsync(c.Cash.DepositAsync(_h.Alice, _s.AccountA, 1_000_000, default), c.Cash.Abi));
        using var readerRpc = TestRpc.Create(_h.Anvil.RpcUrl, miner); // its own counter: the deposits use the harness's client
        var reader = new BatchedReader(readerRpc.Eth, new Multicall3Contract(readerRpc.Eth, c.Multicall3.Address, c.Multicall3.Abi), new BatchedReaderOptions { MaxCallsPerMulticall = 10, RequestsPerRoundTrip = 1 });

        var result = await reader.ReadAsync([.. Enumerable.Repeat(ViewCall.From(read), 1_000)], null, default);

        output.WriteLine($"{miner.ActionsRun} deposits mined during the read; {result.Repeats} aggregate3 calls re-sent");
        // The head, 100 aggregate3 calls of 10 one per batch, and any chunk anvil ran at a newer block sent again.
        Assert.Equal(1 + 100 + result.Repeats, result.RoundTrips);
        Assert.Equal(result.RoundTrips, readerRpc.Counter.Requests);
        var pinned = await c.SubAccounts.GetBalanceAsync(_s.AccountA, c.Cash.Address, 0, BlockTag.At(result.BlockNumber), default);
        Assert.All(result.Results, r => Assert.Equal(pinned, read.Decode(r.Data)));
        var head = await _h.HeadAsync();
        Assert.True(head.Number > result.BlockNumber, "no block was mined during the read");
        Assert.NotEqual(pinned, await c.SubAccounts.GetBalanceAsync(_s.AccountA, c.Cash.Address, 0, BlockTag.Latest, default));
        Assert.Equal((await _h.Eth.GetBlockByNumberAsync(BlockTag.At(result.BlockNumber), default))!.Hash, result.BlockHash);
    }

    [Fact]
    public async Task ReadAsync_NoMulticall3_PlainEthCallBatchesWithTheSameResults()
    {
        var reads = Enumerable.Range(0, 250).Select(i => ViewCall.From(C.Manager.GetMarginCall(AccountAt(i), i % 2 == 0))).ToList();
        reads[17] = ViewCall.From(C.SubAccounts.OwnerOfCall(999_999));
        var fallback = new BatchedReader(_h.Eth, multicall: null);
        var before = _h.Rpc.Counter.Requests;

        var plain = await fallback.ReadAsync(reads, null, default);
        var batched = await Reader().ReadAsync(reads, BlockTag.At(plain.BlockNumber), default);

        Assert.False(fallback.UsesMulticall);
        Assert.Equal(0, plain.Multicalls);
        Assert.Equal(1 + 3, plain.RoundTrips); // the head, then 100 + 100 + 50 eth_calls
        Assert.Equal(plain.RoundTrips + batched.RoundTrips, _h.Rpc.Counter.Requests - before);
        Assert.Equal(plain.BlockNumber, batched.BlockNumber);
        for (var i = 0; i < reads.Count; i++)
        {
            Assert.Equal(batched.Results[i].Success, plain.Results[i].Success);
            Assert.True(batched.Results[i].Data.Span.SequenceEqual(plain.Results[i].Data.Span), $"call {i} differs");
        }

        Assert.True(plain.Results[17].RpcError?.IsRevert);
        Assert.True(C.SubAccounts.Abi.DecodeRevert(plain.Results[17].Data.Span).Is("ERC721NonexistentToken"));
    }
}
