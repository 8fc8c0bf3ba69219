using System.Globalization;
using System.Numerics;
using CustodySettle.Api.V1;
using CustodySettle.Chain.Rpc;
using CustodySettle.Chain.Signers;
using Google.Protobuf.WellKnownTypes;

namespace CustodySettle.Server.Tests.Services;

/// <summary>
/// The margin tests' setting: desk alpha's terms (no IA or threshold, MTA and rounding unit 1 USDC,
/// 2 h to deliver, 24 h to cure), USDC eligible at 100 %, <c>collateral</c> USDC reported by vault,
/// and a 1 BTC perp long at 60,000 on alpha's linked subaccount against a venue account.
/// </summary>
internal static class MarginTrading
{
    public static readonly BigInteger E18 = BigInteger.Pow(10, 18);

    /// <summary>Sets it all up; returns alpha's desk key.</summary>
    public static async Task<string> OpenLongAsync(CustodyScenario scenario, BigInteger collateral, TimeSpan? deliveryDeadline = null, TimeSpan? curePeriod = null)
    {
        var (api, chain, c) = (scenario.Api, scenario.Chain, scenario.Chain.Contracts);
        await api.AdminAsync<SetCreditTermsRequest, CreditTerms>("SetCreditTerms", new SetCreditTermsRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Terms = new CreditTerms
            {
                DeskId = "alpha", SettlementAsset = "USDC", IndependentAmount = "0", Threshold = "0", MinimumTransferAmount = "1000000", RoundingUnit = "1000000",
                DeliveryDeadline = Duration.FromTimeSpan(deliveryDeadline ?? TimeSpan.FromHours(2)), CurePeriod = Duration.FromTimeSpan(curePeriod ?? TimeSpan.FromHours(24)),
            },
        });
        await api.AdminAsync<SetHaircutRequest, Haircut>("SetHaircut", new SetHaircutRequest { RequestId = Guid.NewGuid().ToString(), Asset = "USDC", ValuationBps = 10_000 });
        await scenario.ReportAndSettleAsync("s-1", DateTimeOffset.UtcNow.AddMinutes(-1), collateral);

        var alpha = BigInteger.Parse(await scenario.CreateSubaccountAsync(), CultureInfo.InvariantCulture);
        await api.AdminAsync<LinkSubaccountRequest, SubaccountLink>("LinkSubaccount", new LinkSubaccountRequest { SubaccountId = alpha.ToString(CultureInfo.InvariantCulture), DeskId = "alpha" });
        await scenario.MinedAsync(c.SubAccounts.CreateAccountAsync(chain.Deployer, chain.Deployer.Address, c.Manager.Address, CancellationToken.None));
        var venue = await c.SubAccounts.LastAccountIdAsync(BlockTag.Latest, CancellationToken.None);
        await DepositCashAsync(scenario, chain.Desk, alpha, 10_000);
        await DepositCashAsync(scenario, chain.Deployer, venue, 100_000);
        await scenario.MinedAsync(c.PerpBtc.SetStaticInterestRateAsync(chain.Deployer, BigInteger.Zero, CancellationToken.None));
        await SetPriceAsync(scenario, 60_000);
        await scenario.MinedAsync(c.Executor.TradeAsync(chain.Deployer, venue, alpha, c.PerpBtc.Address, E18, 60_000 * E18, CancellationToken.None));
        return await api.IssueKeyAsync(Role.Desk, "alpha");
    }

    /// <summary>Sets the BTC perp's mark and index price (equal: no premium, so no funding); returns the block it was mined in.</summary>
    public static async Task<long> SetPriceAsync(CustodyScenario scenario, long usd)
    {
        var chain = scenario.Chain;
        var sent = await chain.Contracts.PerpBtc.SetPricesAsync(chain.Deployer, usd * E18, usd * E18, CancellationToken.None);
        await scenario.MinedAsync(Task.FromResult(sent));
        return (await chain.Eth.GetTransactionReceiptAsync(sent.Hash, CancellationToken.None))!.BlockNumber;
    }

    private static async Task DepositCashAsync(CustodyScenario scenario, RemoteSigner owner, BigInteger account, long usdc)
    {
        var (c, deployer) = (scenario.Chain.Contracts, scenario.Chain.Deployer);
        var amount = usdc * BigInteger.Pow(10, 6);
        await scenario.MinedAsync(c.Usdc.MintAsync(deployer, owner.Address, amount, CancellationToken.None));
        await scenario.MinedAsync(c.Usdc.ApproveAsync(owner, c.Cash.Address, amount, CancellationToken.None));
        await scenario.MinedAsync(c.Cash.DepositAsync(owner, account, amount, CancellationToken.None));
    }
}
