using System.Numerics;
using CustodySettle.Chain.Abi;
using CustodySettle.Chain.Contracts;
using CustodySettle.Chain.Reading;
using CustodySettle.Chain.Rpc;
using CustodySettle.Chain.Tests.Contracts;
using CustodySettle.Testing;
using Xunit.Abstractions;

namespace CustodySettle.Chain.Tests.Reading;

[Collection(DeployedReadingGroup.Name)]
public sealed partial class BatchedReaderTests(DeployedAnvilFixture fixture, ITestOutputHelper output) : IAsyncLifetime
{
    private ChainHarness _h = null!;
    private MarginScenario _s = null!;

    private ChainContracts C => _h.Contracts;

    public async Task InitializeAsync()
    {
        _h = await ChainHarness.StartAsync(fixture);
        _s = await MarginScenario.OpenAsync(_h);
    }

    public Task DisposeAsync() => _h.StopAsync();

    [Fact]
    public async Task ReadAsync_1200LightCalls_ThreeMulticallsInOneBatchPlusTheHead()
    {
        var reads = Enumerable.Range(0, 1_200).Select(i => C.SubAccounts.GetBalanceCall(AccountAt(i), i % 2 == 0 ? C.Cash.Address : C.PerpBtc.Address, 0)).ToList();
        var before = _h.Rpc.Counter.Requests;

        var result = await Reader().ReadAsync([.. reads.Select(ViewCall.From)], null, default);

        // 500 calls per aggregate3 (MaxCallsPerMulticall) -> 3 aggregate3 eth_calls in one JSON-RPC batch, after eth_getBlockByNumber.
        Assert.Equal(3, result.Multicalls);
        Assert.Equal(2, result.RoundTrips);
        Assert.Equal(2, _h.Rpc.Counter.Requests - before);
        Assert.Equal(1_200, result.CallsPerRoundTrip);
        await AssertEqualToOneCallEachAsync(reads, result);
    }

    [Fact]
    public async Task ReadAsync_1000MarginCalls_ChunkedByGasIntoTenMulticallsInOneBatch()
    {
        var reads = Enumerable.Range(0, 1_000).Select(i => C.Manager.GetMarginCall(AccountAt(i), i % 3 == 0)).ToList();
        var before = _h.Rpc.Counter.Requests;

        var result = await Reader().ReadAsync([.. reads.Select(ViewCall.From)], null, default);

        // 10M gas budget / 100k per getMargin = 100 calls per aggregate3.
        Assert.Equal(10, result.Multicalls);
        Assert.Equal(2, result.RoundTrips);
        Assert.Equal(2, _h.Rpc.Counter.Requests - before);
        await AssertEqualToOneCallEachAsync(reads, result);
        Assert.Contains(result.Results, r => reads[0].Decode(r.Data) > 0);
    }

    [Fact]
    public async Task ReadAsync_SmallerRoundTrips_CountsEachBatch()
    {
        var reads = Enumerable.Range(0, 1_050).Select(i => ViewCall.From(C.SubAccounts.GetBalanceCall(AccountAt(i), C.Cash.Address, 0))).ToList();
        var reader = Reader(new BatchedReaderOptions { MaxCallsPerMulticall = 100, RequestsPerRoundTrip = 4 });
        var before = _h.Rpc.Counter.Requests;

        var result = await reader.ReadAsync(reads, null, default);

        // 11 aggregate3 calls of <= 100, 4 per batch -> 3 batches, plus the head.
        Assert.Equal(11, result.Multicalls);
        Assert.Equal(4, result.RoundTrips);
        Assert.Equal(4, _h.Rpc.Counter.Requests - before);
        Assert.Equal(400, result.CallsPerRoundTrip);
    }

    [Fact]
    public async Task ReadAsync_OverTheRequestByteBudget_SplitsTheBatch()
    {
        var reads = Enumerable.Range(0, 1_000).Select(i => ViewCall.From(C.SubAccounts.GetBalanceCall(AccountAt(i), C.Cash.Address, 0))).ToList();
        var before = _h.Rpc.Counter.Requests;

        // Each aggregate3 of 100 getBalance calls is ~58 KB of hex: a 100 KB budget carries one per batch.
        var result = await Reader(new BatchedReaderOptions { MaxCallsPerMulticall = 100, MaxRequestBytes = 100_000 }).ReadAsync(reads, null, default);

        Assert.Equal(10, result.Multicalls);
        Assert.Equal(11, result.RoundTrips);
        Assert.Equal(11, _h.Rpc.Counter.Requests - before);
    }

    [Fact]
    public async Task ReadAsync_FailingCalls_FailOnlyTheirOwnEntries()
    {
        var ownerOfMissing = C.SubAccounts.OwnerOfCall(999_999);
        var noCode = C.CustodyToken(ChainHarness.BobAddress).BalanceOfCall(ChainHarness.AliceAddress);
        var margin = C.Manager.GetMarginCall(_s.AccountA, true);

        var result = await Reader().ReadAsync([ViewCall.From(margin), ViewCall.From(ownerOfMissing), ViewCall.From(noCode), ViewCall.From(margin)], null, default);

        Assert.True(result.Results[0].Success);
        Assert.Equal(await C.Manager.GetMarginAsync(_s.AccountA, true, BlockTag.At(result.BlockNumber), default), margin.Decode(result.Results[0].Data));
        Assert.False(result.Results[1].Success);
        Assert.True(C.SubAccounts.Abi.DecodeRevert(result.Results[1].Data.Span).Is("ERC721NonexistentToken"));
        Assert.True(result.Results[2].Success, "a call to an address without code succeeds with no data (EVM)");
        Assert.True(result.Results[2].Data.IsEmpty);
        Assert.Throws<AbiDecodingException>(() => noCode.Decode(result.Results[2].Data));
        Assert.True(result.Results[3].Success && result.Results[3].Data.Span.SequenceEqual(result.Results[0].Data.Span));
    }

    private static BigInteger AccountAt(int i) => i % 7 == 0 ? 1 : i % 11 == 0 ? 2 : 100 + i;

    private BatchedReader Reader(BatchedReaderOptions? options = null) => new(_h.Eth, C.Multicall3, options);

    /// <summary>Every result equals the same read made alone with eth_call at the pinned block.</summary>
    private async Task AssertEqualToOneCallEachAsync(List<ContractRead<BigInteger>> reads, BatchReadResult result)
    {
        Assert.Equal(reads.Count, result.Results.Count);
        var at = BlockTag.At(result.BlockNumber);
        for (var i = 0; i < reads.Count; i++)
        {
            Assert.True(result.Results[i].Success, $"call {i} failed");
            var alone = await _h.Eth.CallAsync(new CallRequest(reads[i].Target, reads[i].Data), at, default);
            Assert.True(alone.Span.SequenceEqual(result.Results[i].Data.Span), $"call {i} differs");
        }
    }
}
