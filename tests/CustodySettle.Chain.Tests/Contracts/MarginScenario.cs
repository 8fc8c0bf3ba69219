using System.Numerics;
using CustodySettle.Chain.Contracts;
using CustodySettle.Chain.Contracts.Events;
using CustodySettle.Chain.Primitives;
using CustodySettle.Chain.Rpc;
using CustodySettle.Chain.Signers;

namespace CustodySettle.Chain.Tests.Contracts;

/// <summary>
/// docs/contracts.md's margin example, driven through the bindings: Alice's account A holds 10,000
/// cash and 0.5 BTC of custody collateral (spot 60,000, factor 0.8) and buys 2 BTC perps at 60,000
/// from Bob's account B (100,000 cash). The static interest rate is set to 0 first, so funding is the
/// premium term alone and the tests can compute it exactly.
/// </summary>
internal sealed class MarginScenario
{
    public static readonly BigInteger E18 = ChainHarness.E18;
    public static readonly BigInteger AliceCashUsdc = 10_000 * BigInteger.Pow(10, 6);
    public static readonly BigInteger BobCashUsdc = 100_000 * BigInteger.Pow(10, 6);
    public static readonly BigInteger CollateralUnits = 50_000_000; // 0.5 BTC, 8 decimals
    public static readonly BigInteger Spot = 60_000 * ChainHarness.E18;
    public static readonly BigInteger MarginFactor = 8 * BigInteger.Pow(10, 17);
    public static readonly BigInteger Size = 2 * ChainHarness.E18;
    public static readonly BigInteger TradePrice = 60_000 * ChainHarness.E18;

    private MarginScenario(ChainHarness harness) => Harness = harness;

    public ChainHarness Harness { get; }

    public BigInteger AccountA { get; private set; }

    public BigInteger AccountB { get; private set; }

    public Address Token { get; private set; }

    public BigInteger TokenSubId => CustodyCollateralAssetContract.SubIdOf(Token);

    public TransactionReceipt TradeReceipt { get; private set; } = null!;

    public static async Task<MarginScenario> OpenAsync(ChainHarness harness)
    {
        var scenario = new MarginScenario(harness);
        await scenario.RunAsync();
        return scenario;
    }

    /// <summary>Creates an account owned by the signer's address under the StandardManager; returns its id from AccountCreated.</summary>
    public static async Task<BigInteger> CreateAccountAsync(ChainHarness h, IChainSigner owner)
    {
        var c = h.Contracts;
        var receipt = await h.MinedAsync(c.SubAccounts.CreateAccountAsync(owner, owner.Address, c.Manager.Address, default), c.SubAccounts.Abi);
        return c.CreateEventDecoder().DecodeAll(receipt.Logs).Select(e => e.Event).OfType<AccountCreated>().Single().AccountId;
    }

    /// <summary>Mints USDC to the signer, approves the cash asset and deposits it into <paramref name="account"/>.</summary>
    public static async Task DepositCashAsync(ChainHarness h, IChainSigner owner, BigInteger account, BigInteger usdc)
    {
        var c = h.Contracts;
        await h.MinedAsync(c.Usdc.MintAsync(h.Deployer, owner.Address, usdc, default), c.Usdc.Abi);
        await h.MinedAsync(c.Usdc.ApproveAsync(owner, c.Cash.Address, usdc, default), c.Usdc.Abi);
        await h.MinedAsync(c.Cash.DepositAsync(owner, account, usdc, default), c.Cash.Abi);
    }

    /// <summary>Creates the custody token of (holder, custodian, asset) through the factory; returns its address.</summary>
    public static async Task<Address> CreateTokenAsync(ChainHarness h, Address holder, string custodianId, string asset)
    {
        var c = h.Contracts;
        var token = await c.Factory.TokenForAsync(holder, custodianId, asset, null, default);
        await h.MinedAsync(c.Factory.CreateTokenAsync(h.Deployer, holder, custodianId, asset, default), c.Factory.Abi);
        return token;
    }

    private async Task RunAsync()
    {
        var (h, c) = (Harness, Harness.Contracts);
        AccountA = await CreateAccountAsync(h, h.Alice);
        AccountB = await CreateAccountAsync(h, h.Bob);
        await DepositCashAsync(h, h.Alice, AccountA, AliceCashUsdc);
        await DepositCashAsync(h, h.Bob, AccountB, BobCashUsdc);

        Token = await CreateTokenAsync(h, h.Alice.Address, "bitgo", "BTC");
        var token = c.CustodyToken(Token);
        await h.MinedAsync(token.GuardMintAsync(h.Minter, h.Alice.Address, CollateralUnits, BigInteger.Zero, default), token.Abi);
        await h.MinedAsync(c.Manager.SetCollateralSpotAsync(h.Deployer, TokenSubId, Spot, default), c.Manager.Abi);
        await h.MinedAsync(c.Manager.SetCollateralMarginFactorAsync(h.Deployer, TokenSubId, MarginFactor, default), c.Manager.Abi);
        await h.MinedAsync(token.ApproveAsync(h.Alice, c.Collateral.Address, CollateralUnits, default), token.Abi);
        await h.MinedAsync(c.Collateral.DepositAsync(h.Alice, AccountA, Token, CollateralUnits, default), c.Collateral.Abi);

        await h.MinedAsync(c.PerpBtc.SetStaticInterestRateAsync(h.Deployer, BigInteger.Zero, default), c.PerpBtc.Abi);
        TradeReceipt = await h.MinedAsync(c.Executor.TradeAsync(h.Deployer, AccountB, AccountA, c.PerpBtc.Address, Size, TradePrice, default), c.Executor.Abi);
    }
}
