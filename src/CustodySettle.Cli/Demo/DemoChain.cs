using System.Numerics;
using CustodySettle.Chain.Contracts;
using CustodySettle.Chain.Primitives;
using CustodySettle.Chain.Rpc;
using CustodySettle.Chain.Signers;
using Microsoft.Extensions.Logging.Abstractions;

namespace CustodySettle.Cli.Demo;

/// <summary>
/// The venue side of the demo on the local anvil: the deployed contracts and three of anvil's unlocked
/// dev accounts (public test keys, never real ones): the deployer (owner, executor, and the venue's
/// counterparty account) and the two desks' wallets. It trades and moves prices as the venue would.
/// </summary>
internal sealed class DemoChain : IDisposable
{
    public static readonly BigInteger E18 = BigInteger.Pow(10, 18);
    public static readonly Address AlphaWallet = Address.Parse("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");
    public static readonly Address BetaWallet = Address.Parse("0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC");
    private static readonly Address DeployerAddress = Address.Parse("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");

    private readonly HttpClient _http = new();
    private readonly JsonRpcClient _rpc;
    private readonly ReceiptWaiter _receipts;

    private DemoChain(Uri rpcUrl, ChainDeployment deployment, string contractsOut)
    {
        _rpc = new JsonRpcClient(_http, rpcUrl, new JsonRpcClientOptions(), TimeProvider.System, NullLogger<JsonRpcClient>.Instance);
        Eth = new EthClient(_rpc);
        Contracts = new ChainContracts(deployment, new ContractArtifacts(contractsOut), Eth);
        Deployer = new RemoteSigner(Eth, DeployerAddress);
        _receipts = new ReceiptWaiter(Eth, pollInterval: TimeSpan.FromMilliseconds(50));
    }

    public EthClient Eth { get; }

    public ChainContracts Contracts { get; }

    public RemoteSigner Deployer { get; }

    public static async Task<DemoChain> OpenAsync(Uri rpcUrl, string deploymentFile, string contractsOut, CancellationToken ct)
    {
        try
        {
            return new DemoChain(rpcUrl, await ChainDeployment.LoadAsync(deploymentFile, ct), contractsOut);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.Json.JsonException)
        {
            throw new CliException(ExitCodes.Usage, $"--deployment: cannot read {deploymentFile} ({e.Message}); scripts/run.sh deploys and writes it");
        }
    }

    public RemoteSigner Wallet(Address address) => new(Eth, address);

    /// <summary>A new venue subaccount owned by <paramref name="owner"/>, funded with <paramref name="usdc"/> of cash; its id.</summary>
    public async Task<BigInteger> OpenSubaccountAsync(RemoteSigner owner, long usdc, CancellationToken ct)
    {
        var c = Contracts;
        await MinedAsync(c.SubAccounts.CreateAccountAsync(owner, owner.Address, c.Manager.Address, ct), ct);
        var account = await c.SubAccounts.LastAccountIdAsync(BlockTag.Latest, ct);
        var amount = usdc * BigInteger.Pow(10, 6);
        await MinedAsync(c.Usdc.MintAsync(Deployer, owner.Address, amount, ct), ct);
        await MinedAsync(c.Usdc.ApproveAsync(owner, c.Cash.Address, amount, ct), ct);
        await MinedAsync(c.Cash.DepositAsync(owner, account, amount, ct), ct);
        return account;
    }

    /// <summary>The BTC perp's interest rate to 0, so with mark = index no funding accrues: the figures stay round.</summary>
    public Task<long> NoFundingAsync(CancellationToken ct) => MinedAsync(Contracts.PerpBtc.SetStaticInterestRateAsync(Deployer, BigInteger.Zero, ct), ct);

    /// <summary>Mark and index together (no premium, no funding); the block it landed in.</summary>
    public async Task<long> SetPriceAsync(long usd, CancellationToken ct)
    {
        return await MinedAsync(Contracts.PerpBtc.SetPricesAsync(Deployer, usd * E18, usd * E18, ct), ct);
    }

    /// <summary><paramref name="buyer"/> buys <paramref name="btc"/> BTC perps from <paramref name="seller"/> at <paramref name="usd"/>.</summary>
    public Task<long> TradeAsync(BigInteger seller, BigInteger buyer, long btc, long usd, CancellationToken ct) =>
        MinedAsync(Contracts.Executor.TradeAsync(Deployer, seller, buyer, Contracts.PerpBtc.Address, btc * E18, usd * E18, ct), ct);

    /// <summary>Settles a subaccount's perp PnL and funding into its cash at the index (a PerpSettled event).</summary>
    public Task<long> SettleAsync(BigInteger account, CancellationToken ct) => MinedAsync(Contracts.Manager.SettlePerpsWithIndexAsync(Deployer, account, ct), ct);

    /// <summary>The supply of a desk's custody token at a custodian (0 before its token exists).</summary>
    public async Task<BigInteger> SupplyAsync(Address wallet, string custodianId, string asset, CancellationToken ct)
    {
        var token = await Contracts.Factory.TokenForAsync(wallet, custodianId, asset, BlockTag.Latest, ct);
        return (await Eth.GetCodeAsync(token, BlockTag.Latest, ct)).Length == 0 ? BigInteger.Zero : await Contracts.CustodyToken(token).TotalSupplyAsync(BlockTag.Latest, ct);
    }

    public void Dispose()
    {
        _rpc.Dispose();
        _http.Dispose();
    }

    /// <summary>Until the node has mined it (anvil answers a send before it mines); the block number.</summary>
    private async Task<long> MinedAsync(Task<SentTransaction> send, CancellationToken ct)
    {
        var sent = await send;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        try
        {
            var receipt = await _receipts.WaitAsync(sent.Hash, confirmations: 1, timeout.Token);
            return receipt.Succeeded ? receipt.BlockNumber : throw new CliException($"the venue's transaction {sent.Hash} reverted");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new CliException(ExitCodes.Unreachable, $"anvil did not mine {sent.Hash} in 30 s");
        }
    }
}
