using CustodySettle.Chain.Contracts;
using CustodySettle.Chain.Rpc;
using CustodySettle.Testing;
using Xunit.Abstractions;

namespace CustodySettle.Chain.Tests.Contracts;

/// <summary>
/// Keeps <see cref="ReadGas"/> honest: each view's gas inside a Multicall3 aggregate3, measured with
/// eth_estimateGas as aggregate3([call]) − aggregate3([]) (cold: the first call of a batch pays for
/// touching the contract and its storage, so the later ones cost less), stays under its hint.
/// </summary>
[Collection(DeployedChainGroup.Name)]
public sealed class ReadGasTests(DeployedAnvilFixture fixture, ITestOutputHelper output) : IAsyncLifetime
{
    private ChainHarness _h = null!;

    public async Task InitializeAsync() => _h = await ChainHarness.StartAsync(fixture);

    public Task DisposeAsync() => _h.StopAsync();

    [Fact]
    public async Task GasHints_ScenarioAccount_CoverTheMeasuredColdCost()
    {
        var s = await MarginScenario.OpenAsync(_h);
        var c = _h.Contracts;
        var token = c.CustodyToken(s.Token);
        var reads = new (string Name, Multicall3Call Call, long Hint)[]
        {
            ("getBalance", Call(c.SubAccounts.GetBalanceCall(s.AccountA, c.PerpBtc.Address, 0)), ReadGas.Light),
            ("balanceOf", Call(token.BalanceOfCall(ChainHarness.AliceAddress)), ReadGas.Light),
            ("getUnsettledAndUnrealizedCash", Call(c.PerpBtc.GetUnsettledAndUnrealizedCashCall(s.AccountA)), ReadGas.Unsettled),
            ("getMargin(3 balances, 1 perp)", Call(c.Manager.GetMarginCall(s.AccountA, true)), ReadGas.Margin),
            ("getAccountBalances(3)", Call(c.SubAccounts.GetAccountBalancesCall(s.AccountA)), ReadGas.Margin),
        };
        var empty = await EstimateAsync([]);

        foreach (var (name, call, hint) in reads)
        {
            var cold = await EstimateAsync([call]) - empty;
            var tenWarm = (await EstimateAsync([.. Enumerable.Repeat(call, 11)]) - empty - cold) / 10;
            output.WriteLine($"{name}: {cold} gas cold, {tenWarm} gas warm; hint {hint}");
            Assert.True(cold <= hint, $"{name} costs {cold} gas in a batch, over its hint {hint}");
        }
    }

    private static Multicall3Call Call<T>(ContractRead<T> read) => new(read.Target, AllowFailure: true, read.Data);

    private Task<long> EstimateAsync(IReadOnlyList<Multicall3Call> calls)
    {
        var aggregate = _h.Contracts.Multicall3.Aggregate3Call(calls);
        return _h.Eth.EstimateGasAsync(new TransactionRequest { To = aggregate.Target, Data = aggregate.Data }, default);
    }
}
