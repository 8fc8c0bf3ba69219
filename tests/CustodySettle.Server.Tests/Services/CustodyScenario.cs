using System.Numerics;
using CustodySettle.Api.V1;
using CustodySettle.Chain.Contracts.Events;
using CustodySettle.Chain.Rpc;
using CustodySettle.Chain.Signers;
using CustodySettle.Testing;
using Dapper;
using Google.Protobuf.WellKnownTypes;

namespace CustodySettle.Server.Tests.Services;

/// <summary>
/// What the chain-backed custody tests share: the freshly deployed chain (snapshot now, revert on
/// dispose), the service on a database of its own whose mirror runs only when poked (so a difference
/// planted on chain stays for reconciliation to see), USDC, desk alpha (wallet
/// <see cref="ChainStack.DeskWallet"/>), custodian vault with its key, and the steps the tests take.
/// </summary>
internal sealed class CustodyScenario : IAsyncDisposable
{
    private readonly DeployedAnvilFixture _fixture;
    private readonly string _snapshot;

    private CustodyScenario(DeployedAnvilFixture fixture, string snapshot, ChainStack chain, ApiHarness api, string custodianKey)
    {
        (_fixture, _snapshot, Chain, Api, CustodianKey) = (fixture, snapshot, chain, api, custodianKey);
    }

    public ChainStack Chain { get; }

    public ApiHarness Api { get; }

    public string CustodianKey { get; }

    /// <param name="fixture">The deployed chain.</param>
    /// <param name="marginPoll">Run the service's margin worker, looking for new blocks this often (off by default: tests run passes).</param>
    /// <param name="configure">Changes the chain settings further (the settlement window, for example).</param>
    public static async Task<CustodyScenario> StartAsync(DeployedAnvilFixture fixture, TimeSpan? marginPoll = null, Func<ChainSettings, ChainSettings>? configure = null)
    {
        var snapshot = await fixture.Anvil.SnapshotAsync();
        var chain = await ChainStack.CreateAsync(fixture);
        var settings = chain.Settings(finalityDepth: 1, interval: TimeSpan.FromHours(1));
        settings = marginPoll is { } poll ? settings with { MarginInterval = poll } : settings;
        var api = await ApiHarness.StartAsync(configure is null ? settings : configure(settings));
        await api.AdminAsync<CreateAssetRequest, Asset>("CreateAsset", new CreateAssetRequest { AssetCode = "USDC", Decimals = 6 });
        await api.AdminAsync<CreateDeskRequest, Desk>("CreateDesk", new CreateDeskRequest { DeskId = "alpha", DisplayName = "Alpha", WalletAddress = ChainStack.DeskWallet.ToString() });
        await api.AdminAsync<CreateCustodianRequest, Custodian>("CreateCustodian", new CreateCustodianRequest { CustodianId = "vault", DisplayName = "Vault" });
        return new CustodyScenario(fixture, snapshot, chain, api, await api.IssueKeyAsync(Role.Custodian, "vault"));
    }

    /// <summary>vault's statement of alpha's USDC.</summary>
    public Task<Statement> ReportAsync(string id, DateTimeOffset asOf, string balance) =>
        Api.CallAsync<ReportBalancesRequest, Statement>(ApiHarness.CustodianService, "ReportBalances", new ReportBalancesRequest
        {
            StatementId = id,
            AsOf = Timestamp.FromDateTimeOffset(asOf),
            Lines = { new StatementLine { DeskId = "alpha", Asset = "USDC", Balance = balance } },
        }, CustodianKey);

    /// <summary>A statement minted and confirmed, with nothing left in flight.</summary>
    public async Task ReportAndSettleAsync(string id, DateTimeOffset asOf, BigInteger balance)
    {
        await ReportAsync(id, asOf, balance.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await WaitForSupplyAsync(balance);
        await WaitForMirrorIdleAsync();
    }

    public Task<ReconciliationReport> RunAsync(string? requestId = null) =>
        Api.CallAsync<RunReconciliationRequest, ReconciliationReport>(
            ApiHarness.ReconciliationService, "RunReconciliation", new RunReconciliationRequest { RequestId = requestId ?? string.Empty }, Api.OperatorKey);

    /// <summary>Pokes the mirror until the token's supply is <paramref name="expected"/> (creating the token takes a pass of its own).</summary>
    public async Task WaitForSupplyAsync(BigInteger expected)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        BigInteger supply;
        while ((supply = await Chain.SupplyAsync("vault", "USDC")) != expected)
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, $"the supply is {supply}, not {expected}, after 30 s");
            Api.PokeMirror();
            await Task.Delay(100);
        }
    }

    /// <summary>Pokes the mirror until no mint or burn is planned or in flight (it confirms at depth 1 on its next pass).</summary>
    public async Task WaitForMirrorIdleAsync()
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        await using var connection = await Api.Database.DataSource.OpenConnectionAsync();
        while (await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM mirror_operations WHERE status IN ('planned', 'sent')") > 0)
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, "the mirror did not settle in 30 s");
            Api.PokeMirror();
            await Task.Delay(100);
        }
    }

    /// <summary>Every mirror operation as kind:amount:status, oldest first.</summary>
    public async Task<List<string>> OperationsAsync()
    {
        await using var connection = await Api.Database.DataSource.OpenConnectionAsync();
        return [.. await connection.QueryAsync<string>("SELECT kind || ':' || amount || ':' || status FROM mirror_operations ORDER BY created_at")];
    }

    /// <summary>Until the node has mined the transaction: anvil answers a send before it mines, so a read right after may not see it.</summary>
    public async Task MinedAsync(Task<SentTransaction> send)
    {
        var sent = await send;
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (await Chain.Eth.GetTransactionReceiptAsync(sent.Hash, CancellationToken.None) is null)
        {
            if (DateTimeOffset.UtcNow >= deadline)
            {
                // What tells a dropped or replaced transaction from one queued behind a gap.
                var known = await Chain.Eth.GetTransactionByHashAsync(sent.Hash, CancellationToken.None) is not null;
                var pool = await _fixture.Anvil.RpcAsync("txpool_status");
                Assert.Fail($"{sent.Hash} (nonce {sent.Nonce} of {sent.From}) was not mined in 30 s; the node {(known ? "knows it" : "does not know it")}; txpool {pool}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>A new subaccount owned by alpha's wallet, mined, and its id.</summary>
    public async Task<string> CreateSubaccountAsync()
    {
        await MinedAsync(Chain.Contracts.SubAccounts.CreateAccountAsync(Chain.Desk, ChainStack.DeskWallet, Chain.Contracts.Manager.Address, CancellationToken.None));
        return (await Chain.Contracts.SubAccounts.LastAccountIdAsync(BlockTag.Latest, CancellationToken.None)).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Every Minted event of vault's USDC token since genesis.</summary>
    public async Task<List<BigInteger>> MintedAmountsAsync()
    {
        var token = await Chain.TokenAsync("vault", "USDC");
        var decoder = Chain.Contracts.CreateEventDecoder();
        decoder.AddCustodyToken(token);
        var logs = await Chain.Eth.GetLogsAsync(new LogFilter { FromBlock = BlockTag.At(0), ToBlock = BlockTag.Latest, Addresses = [token] }, CancellationToken.None);
        return [.. logs.Select(l => decoder.Decode(l)?.Event).OfType<Minted>().Select(m => m.Amount)];
    }

    public async ValueTask DisposeAsync()
    {
        await Api.DisposeAsync();
        Chain.Dispose();
        await _fixture.Anvil.RevertAsync(_snapshot);
    }
}
