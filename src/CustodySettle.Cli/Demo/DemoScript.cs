using System.Globalization;
using System.Numerics;
using CustodySettle.Api.V1;
using CustodySettle.Chain.Primitives;
using CustodySettle.Cli.Commands;
using Google.Protobuf.WellKnownTypes;
using Spectre.Console;

namespace CustodySettle.Cli.Demo;

/// <summary>
/// The lifecycle the README's run command shows, on a fresh database and deployment: an operator sets
/// up a custodian and two desks; the custodian reports their collateral and the mirror mints it on
/// chain; the desks trade BTC perps on the venue and get their credit terms; reconciliation agrees; the
/// price drops, desk alpha gets a margin call on its live stream (and beta, who gained, a return call);
/// alpha acknowledges, the custodian confirms alpha's top-up, the mirror mints it, the custodian's next
/// statement shows it, reconciliation agrees and the call is settled; finally the venue settles PnL on
/// chain, a settlement cycle nets it per desk, and the auditor verifies the journal.
/// Every figure is in USDC's smallest unit (6 decimals); terms: MTA 500 USDC, rounding 1 USDC.
/// </summary>
internal sealed class DemoScript(CommandRun run, DemoChain chain, string keysDirectory)
{
    private const long Usdc = 1_000_000;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly CancellationToken _ct = run.Cancellation;
    private readonly IAnsiConsole _out = run.Console.Out;
    private readonly Dictionary<string, string> _keys = new(StringComparer.Ordinal);
    private int _step;

    public async Task PlayAsync()
    {
        var op = run.Client;
        if ((await op.CallAsync<ListDesksRequest, ListDesksResponse>(Services.Admin, "ListDesks", new(), _ct)).Desks.Count > 0)
        {
            throw new CliException(ExitCodes.Refused, "this database already has desks: the demo plays on a fresh one (scripts/run.sh starts one; CS_DEMO=0 keeps yours)");
        }

        Step("An operator sets up USDC (valued at 100 %), custodian vault, desks alpha and beta, and their keys");
        await SetUpAsync(op);

        Step("The custodian reports what it holds: 4,000 USDC for each desk");
        using var vault = Client("vault");
        run.View.ShowList((await ReportAsync(vault, "demo-statement-1", 4_000 * Usdc)).Lines, StatementLineResult.Descriptor,
            "ledger_balance_before", "delta", "effect", "journal_sequence");

        Step("The mirror mints each desk's holding on chain as custody tokens");
        await SupplyAsync(DemoChain.AlphaWallet, 4_000 * Usdc);
        await SupplyAsync(DemoChain.BetaWallet, 4_000 * Usdc);
        await ShowSuppliesAsync();

        Step("On the venue: alpha buys 1 BTC perp at 60,000, beta sells 1, the venue's account takes the other sides");
        var accounts = await TradeAsync(op);

        Step("The operator sets each desk's credit terms: no IA or threshold, MTA 500 USDC, rounding 1 USDC, 2 h to deliver, 24 h to cure");
        await SetTermsAsync(op);

        Step("Reconciliation: custodian, ledger and chain agree");
        await ReconcileAsync();

        Step("Margin at 60,000: 1 BTC x 60,000 x 6.6 % = 3,960 USDC each, 40 USDC over, under the MTA: no call");
        await ShowMarginAsync("alpha");
        await ShowMarginAsync("beta");

        Step("The price drops to 59,000: alpha (long) is called on its live stream, beta (short) gets a return call");
        using var alphaClient = Client("alpha");
        using var watching = CancellationTokenSource.CreateLinkedTokenSource(_ct);
        var events = new List<MarginCallEvent>();
        var stream = WatchAsync(alphaClient, events, watching.Token);
        var block = await chain.SetPriceAsync(59_000, _ct);
        var issued = await EventAsync(events, MarginCallState.Issued);
        _out.MarkupLine(Markup.Escape($"the price moved in block {block}; alpha is called for {issued.Transition.Amount}"));
        await ShowCallsAsync(op);

        Step("Alpha acknowledges its call");
        var acknowledged = await alphaClient.CallAsync<AcknowledgeMarginCallRequest, MarginCall>(Services.Margin, "AcknowledgeMarginCall",
            new() { CallId = issued.CallId, Reason = "top-up on its way" }, _ct);
        run.View.ShowList(acknowledged.History, MarginCallTransition.Descriptor, "state", "actor", "at", "reason", "amount");

        Step("The custodian confirms alpha's top-up; the call is met, the mirror mints it, reconciliation agrees, and the call is settled");
        await TopUpAsync(op, vault, events, issued);
        await watching.CancelAsync();
        await stream;

        Step("The venue settles PnL on chain; a settlement cycle nets it per desk into instructions, with a dispute window");
        await SettlementCycleAsync(op, accounts);

        Step("The auditor verifies the journal's hash chain");
        using var auditor = Client("auditor");
        var verified = await auditor.CallAsync<VerifyAuditChainRequest, VerifyAuditChainResponse>(Services.Ledger, "VerifyAuditChain", new(), _ct);
        _out.MarkupLine(Markup.Escape($"intact: {verified.Intact}, {verified.EntriesChecked} entries in {verified.LedgersChecked} ledger(s), {verified.AccountsReplayed} balances replayed"));
    }

    /// <summary>USDC at par, custodian vault, desks alpha and beta (no terms yet: a desk without terms is never called), and the keys, saved.</summary>
    private async Task SetUpAsync(ServiceClient op)
    {
        await op.CallAsync<CreateAssetRequest, Asset>(Services.Admin, "CreateAsset", new() { AssetCode = "USDC", Decimals = 6 }, _ct);
        await op.CallAsync<CreateCustodianRequest, Custodian>(Services.Admin, "CreateCustodian", new() { CustodianId = "vault", DisplayName = "Vault Custody" }, _ct);
        await op.CallAsync<SetHaircutRequest, Haircut>(Services.Admin, "SetHaircut", new() { RequestId = Guid.NewGuid().ToString(), Asset = "USDC", ValuationBps = 10_000 }, _ct);
        foreach (var (desk, wallet) in new[] { ("alpha", DemoChain.AlphaWallet), ("beta", DemoChain.BetaWallet) })
        {
            await op.CallAsync<CreateDeskRequest, Desk>(Services.Admin, "CreateDesk", new() { DeskId = desk, DisplayName = $"Desk {desk}", WalletAddress = wallet.ToString() }, _ct);
        }

        foreach (var (name, role, scope) in new[] { ("vault", Role.Custodian, "vault"), ("alpha", Role.Desk, "alpha"), ("beta", Role.Desk, "beta"), ("auditor", Role.Auditor, "") })
        {
            var key = await op.CallAsync<CreateApiKeyRequest, CreateApiKeyResponse>(Services.Admin, "CreateApiKey",
                new() { RequestId = Guid.NewGuid().ToString(), Role = role, ScopeId = scope, Label = $"demo {name}" }, _ct);
            _keys[name] = key.Secret;
            await SaveKeyAsync(name, key.Secret);
        }

        run.View.ShowList((await op.CallAsync<ListDesksRequest, ListDesksResponse>(Services.Admin, "ListDesks", new(), _ct)).Desks, Desk.Descriptor, "desk_id", "display_name", "wallet_address");
        _out.MarkupLine(Markup.Escape($"keys saved in {keysDirectory}/ (vault, alpha, beta, auditor)"));
    }

    /// <summary>vault's statement: <paramref name="alphaHeld"/> for alpha, 4,000 USDC for beta.</summary>
    private Task<Statement> ReportAsync(ServiceClient vault, string statementId, BigInteger alphaHeld)
    {
        var statement = new ReportBalancesRequest { StatementId = statementId, AsOf = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow) };
        statement.Lines.Add(new StatementLine { DeskId = "alpha", Asset = "USDC", Balance = Text(alphaHeld), Reference = "demo" });
        statement.Lines.Add(new StatementLine { DeskId = "beta", Asset = "USDC", Balance = Text(4_000 * Usdc), Reference = "demo" });
        return vault.CallAsync<ReportBalancesRequest, Statement>(Services.Custodian, "ReportBalances", statement, _ct);
    }

    /// <summary>The desks' and the venue's subaccounts, funded; alpha's and beta's linked; the trades at 60,000 with funding off.</summary>
    private async Task<(BigInteger Alpha, BigInteger Beta, BigInteger Venue)> TradeAsync(ServiceClient op)
    {
        var alpha = await chain.OpenSubaccountAsync(chain.Wallet(DemoChain.AlphaWallet), 10_000, _ct);
        var beta = await chain.OpenSubaccountAsync(chain.Wallet(DemoChain.BetaWallet), 10_000, _ct);
        var venue = await chain.OpenSubaccountAsync(chain.Deployer, 100_000, _ct);
        await op.CallAsync<LinkSubaccountRequest, SubaccountLink>(Services.Admin, "LinkSubaccount", new() { SubaccountId = Text(alpha), DeskId = "alpha" }, _ct);
        await op.CallAsync<LinkSubaccountRequest, SubaccountLink>(Services.Admin, "LinkSubaccount", new() { SubaccountId = Text(beta), DeskId = "beta" }, _ct);
        await chain.NoFundingAsync(_ct);
        await chain.SetPriceAsync(60_000, _ct);
        await chain.TradeAsync(seller: venue, buyer: alpha, btc: 1, usd: 60_000, _ct);
        await chain.TradeAsync(seller: beta, buyer: venue, btc: 1, usd: 60_000, _ct);
        run.View.ShowList((await op.CallAsync<ListSubaccountsRequest, ListSubaccountsResponse>(Services.Admin, "ListSubaccounts", new(), _ct)).Subaccounts, SubaccountLink.Descriptor,
            "subaccount_id", "desk_id");
        return (alpha, beta, venue);
    }

    private async Task SetTermsAsync(ServiceClient op)
    {
        foreach (var desk in new[] { "alpha", "beta" })
        {
            await op.CallAsync<SetCreditTermsRequest, CreditTerms>(Services.Admin, "SetCreditTerms", new()
            {
                RequestId = Guid.NewGuid().ToString(),
                Terms = new CreditTerms
                {
                    DeskId = desk, SettlementAsset = "USDC", IndependentAmount = "0", Threshold = "0", MinimumTransferAmount = Text(500 * Usdc), RoundingUnit = Text(Usdc),
                    DeliveryDeadline = Duration.FromTimeSpan(TimeSpan.FromHours(2)), CurePeriod = Duration.FromTimeSpan(TimeSpan.FromHours(24)),
                },
            }, _ct);
        }

        run.View.ShowList((await op.CallAsync<ListCreditTermsRequest, ListCreditTermsResponse>(Services.Admin, "ListCreditTerms", new() { DeskId = "alpha" }, _ct)).Versions,
            CreditTerms.Descriptor, "desk_id", "version", "settlement_asset", "minimum_transfer_amount", "rounding_unit", "delivery_deadline", "cure_period");
    }

    /// <summary>
    /// vault confirms alpha's deposit of the call's amount (met), the mirror mints it, vault's next
    /// statement shows it, and a reconciliation that finds all three agreeing lets the call settle.
    /// </summary>
    private async Task TopUpAsync(ServiceClient op, ServiceClient vault, List<MarginCallEvent> events, MarginCallEvent issued)
    {
        var amount = BigInteger.Parse(issued.Transition.Amount, CultureInfo.InvariantCulture);
        await vault.CallAsync<ConfirmTransferRequest, TransferConfirmation>(Services.Custodian, "ConfirmTransfer", new()
        {
            ConfirmationId = "demo-topup-1", Direction = TransferDirection.Deposit, DeskId = "alpha", Asset = "USDC", Amount = Text(amount),
            ExecutedAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow), Reference = $"top-up for {issued.CallId}",
        }, _ct);
        await EventAsync(events, MarginCallState.Met, poke: true);
        await SupplyAsync(DemoChain.AlphaWallet, (4_000 * Usdc) + amount);
        await ShowSuppliesAsync();
        await ReportAsync(vault, "demo-statement-2", (4_000 * Usdc) + amount);
        _out.MarkupLine(Markup.Escape("the custodian's next statement shows the top-up too"));
        await ReconcileAsync();
        await EventAsync(events, MarginCallState.Settled, poke: true);
        await ShowCallsAsync(op);
    }

    private async Task SettlementCycleAsync(ServiceClient op, (BigInteger Alpha, BigInteger Beta, BigInteger Venue) accounts)
    {
        await chain.SettleAsync(accounts.Alpha, _ct);
        await chain.SettleAsync(accounts.Beta, _ct);
        await chain.SettleAsync(accounts.Venue, _ct);
        var cycle = await op.CallAsync<RunSettlementCycleRequest, SettlementCycle>(Services.Settlement, "RunSettlementCycle", new() { RequestId = Guid.NewGuid().ToString() }, _ct);
        run.View.ShowList(cycle.Settlements, Settlement.Descriptor, "desk_id", "asset", "realized_pnl", "funding", "net", "state", "window_ends_at");
    }

    private void Step(string title)
    {
        _out.WriteLine();
        _out.Write(new Rule(Markup.Escape($"{++_step}. {title}")).LeftJustified());
    }

    private ServiceClient Client(string name) => new(run.Client.Server, _keys[name], TimeSpan.FromSeconds(60));

    private async Task SaveKeyAsync(string name, string secret)
    {
        Directory.CreateDirectory(keysDirectory);
        var path = Path.Combine(keysDirectory, $"{name}.key");
        await File.WriteAllTextAsync(path, secret + Environment.NewLine, _ct);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    /// <summary>Until the desk's custody token at vault has <paramref name="expected"/> supply (the mirror passes every 2 s).</summary>
    private async Task SupplyAsync(Address wallet, BigInteger expected)
    {
        var deadline = DateTimeOffset.UtcNow + Patience;
        while (await chain.SupplyAsync(wallet, "vault", "USDC", _ct) != expected)
        {
            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new CliException($"the mirror did not bring {wallet}'s vault USDC token to {expected} in {Patience.TotalSeconds} s");
            }

            await Task.Delay(250, _ct);
        }
    }

    private async Task ShowSuppliesAsync()
    {
        var table = new Table().AddColumn("desk").AddColumn("wallet").AddColumn("custody token supply (vault, USDC)");
        foreach (var (desk, wallet) in new[] { ("alpha", DemoChain.AlphaWallet), ("beta", DemoChain.BetaWallet) })
        {
            table.AddRow(desk, wallet.ToString(), Text(await chain.SupplyAsync(wallet, "vault", "USDC", _ct)));
        }

        _out.Write(table);
    }

    private async Task ReconcileAsync()
    {
        var report = await run.Client.CallAsync<RunReconciliationRequest, ReconciliationReport>(
            Services.Reconciliation, "RunReconciliation", new() { RequestId = Guid.NewGuid().ToString() }, _ct);
        run.View.ShowList(report.Targets, TargetLine.Descriptor, "desk_id", "custodian_id", "asset", "statement_balance", "ledger_balance", "token_supply");
        _out.MarkupLine(Markup.Escape($"report {report.ReportId} at block {report.BlockNumber}: {report.Breaks.Count} break(s)"));
        if (report.Breaks.Count > 0)
        {
            run.View.ShowList(report.Breaks, Break.Descriptor);
        }
    }

    private async Task ShowMarginAsync(string desk)
    {
        var status = await run.Client.CallAsync<GetMarginStatusRequest, MarginStatus>(Services.Margin, "GetMarginStatus", new() { DeskId = desk }, _ct);
        _out.MarkupLine(Markup.Escape($"{desk}: exposure {status.Exposure}, collateral {status.CollateralValue}, action {status.Action.ToString().ToUpperInvariant()} {status.Amount}"));
    }

    private async Task ShowCallsAsync(ServiceClient op)
    {
        var calls = await op.CallAsync<ListMarginCallsRequest, ListMarginCallsResponse>(Services.Margin, "ListMarginCalls", new(), _ct);
        run.View.ShowList(calls.Calls, MarginCall.Descriptor, "desk_id", "kind", "amount", "delivered", "state", "delivery_due", "call_id");
    }

    /// <summary>Follows alpha's call stream into <paramref name="events"/> until cancelled.</summary>
    private static async Task WatchAsync(ServiceClient alpha, List<MarginCallEvent> events, CancellationToken ct)
    {
        await foreach (var item in alpha.StreamAsync<WatchMarginCallsRequest, MarginCallEvent>(Services.Margin, "WatchMarginCalls", new(), ct))
        {
            lock (events)
            {
                events.Add(item);
            }
        }
    }

    /// <summary>
    /// The first event of <paramref name="state"/> on alpha's stream. With <paramref name="poke"/>, a block is
    /// mined every 2 s meanwhile (the same price again): the margin pass runs on new blocks.
    /// </summary>
    private async Task<MarginCallEvent> EventAsync(List<MarginCallEvent> events, MarginCallState state, bool poke = false)
    {
        var deadline = DateTimeOffset.UtcNow + Patience;
        var nextPoke = DateTimeOffset.UtcNow.AddSeconds(2);
        while (true)
        {
            lock (events)
            {
                if (events.FirstOrDefault(e => e.Transition.State == state) is { } found)
                {
                    _out.MarkupLine(Markup.Escape($"on alpha's stream: sequence {found.Sequence} {found.CallId} {found.Transition.State.ToString().ToUpperInvariant()} by {found.Transition.Actor}: {found.Transition.Reason}"));
                    return found;
                }
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new CliException($"no {state} event on alpha's stream in {Patience.TotalSeconds} s");
            }

            if (poke && DateTimeOffset.UtcNow > nextPoke)
            {
                await chain.SetPriceAsync(59_000, _ct);
                nextPoke = DateTimeOffset.UtcNow.AddSeconds(2);
            }

            await Task.Delay(100, _ct);
        }
    }

    private static string Text(BigInteger value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
