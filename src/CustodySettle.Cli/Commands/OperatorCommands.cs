using System.CommandLine;
using CustodySettle.Api.V1;
using CustodySettle.Database;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CustodySettle.Cli.Commands;

/// <summary>
/// <c>operator</c>: the schema (migrate, straight to PostgreSQL), desks, custodians, assets, subaccount
/// links, API keys, credit terms and haircuts (AdminService, an operator key); settlement cycles.
/// </summary>
internal static class OperatorCommands
{
    public static Command Build(CliConsole console)
    {
        var group = new Command("operator", "Configure the service: schema, desks, custodians, assets, keys, terms, haircuts");
        group.Subcommands.Add(Migrate(console));
        group.Subcommands.Add(Desks(console));
        group.Subcommands.Add(Custodians(console));
        group.Subcommands.Add(Assets(console));
        group.Subcommands.Add(Subaccounts(console));
        group.Subcommands.Add(Keys(console));
        group.Subcommands.Add(Terms(console));
        group.Subcommands.Add(Haircuts(console));
        group.Subcommands.Add(SettlementCommands.Run(console));
        return group;
    }

    private static Command Migrate(CliConsole console)
    {
        var database = new Option<string>("--database")
        {
            Description = "PostgreSQL connection string (env CS_PG_CONNECTION)",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("CS_PG_CONNECTION") ?? string.Empty,
        };
        var command = new Command("migrate", "Apply the schema migrations this build has and the database lacks (as the service does at start-up)") { database };
        CommandRun.Bind(command, console, async run =>
        {
            var connection = run.Value(database);
            if (connection.Length == 0)
            {
                throw new CliException(ExitCodes.Usage, "--database: give a PostgreSQL connection string, or set CS_PG_CONNECTION");
            }

            IReadOnlyList<int> applied;
            try
            {
                await using var source = NpgsqlDataSource.Create(connection);
                applied = await new MigrationRunner(MigrationSource.Embedded(), NullLogger<MigrationRunner>.Instance).ApplyAsync(source, run.Cancellation);
            }
            catch (Exception e) when (e is NpgsqlException or ArgumentException)
            {
                throw new CliException(ExitCodes.Unreachable, $"cannot migrate the database: {e.Message}");
            }
            catch (MigrationException e)
            {
                throw new CliException(ExitCodes.Refused, e.Message);
            }

            if (run.View.Json)
            {
                run.Console.Raw.WriteLine($"{{\"applied\":[{string.Join(",", applied)}]}}");
            }
            else
            {
                run.View.Note(applied.Count == 0 ? "the schema is up to date" : $"applied migrations {string.Join(", ", applied)}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Desks(CliConsole console)
    {
        var id = CommonOptions.Required("--id", "Desk id (lower case, digits, - and _)");
        var name = CommonOptions.Optional("--name", "Display name (default: the id)");
        var wallet = CommonOptions.Required("--wallet", "The desk's wallet address on chain (0x...), which holds its custody tokens");
        var create = new Command("create", "Create a desk") { id, name, wallet };
        CommandRun.Bind(create, console, async run =>
        {
            var desk = await run.Client.CallAsync<CreateDeskRequest, Desk>(Services.Admin, "CreateDesk", new()
            {
                DeskId = run.Value(id), DisplayName = run.Value(name) is { Length: > 0 } n ? n : run.Value(id), WalletAddress = run.Value(wallet),
            }, run.Cancellation);
            run.View.Show(desk);
            return ExitCodes.Ok;
        });
        var list = new Command("list", "List desks");
        CommandRun.Bind(list, console, async run =>
        {
            var response = await run.Client.CallAsync<ListDesksRequest, ListDesksResponse>(Services.Admin, "ListDesks", new(), run.Cancellation);
            run.View.ShowList(response.Desks, Desk.Descriptor);
            return ExitCodes.Ok;
        });
        return new Command("desk", "Trading desks") { create, list };
    }

    private static Command Custodians(CliConsole console)
    {
        var id = CommonOptions.Required("--id", "Custodian id");
        var name = CommonOptions.Optional("--name", "Display name (default: the id)");
        var create = new Command("create", "Create a custodian") { id, name };
        CommandRun.Bind(create, console, async run =>
        {
            run.View.Show(await run.Client.CallAsync<CreateCustodianRequest, Custodian>(Services.Admin, "CreateCustodian", new()
            {
                CustodianId = run.Value(id), DisplayName = run.Value(name) is { Length: > 0 } n ? n : run.Value(id),
            }, run.Cancellation));
            return ExitCodes.Ok;
        });
        var list = new Command("list", "List custodians");
        CommandRun.Bind(list, console, async run =>
        {
            var response = await run.Client.CallAsync<ListCustodiansRequest, ListCustodiansResponse>(Services.Admin, "ListCustodians", new(), run.Cancellation);
            run.View.ShowList(response.Custodians, Custodian.Descriptor);
            return ExitCodes.Ok;
        });
        return new Command("custodian", "Custodians") { create, list };
    }

    private static Command Assets(CliConsole console)
    {
        var code = CommonOptions.Required("--code", "Asset code, e.g. USDC");
        var decimals = new Option<int>("--decimals") { Description = "Decimals of its smallest unit (USDC: 6)", Required = true };
        var create = new Command("create", "Create an asset (and its ledger)") { code, decimals };
        CommandRun.Bind(create, console, async run =>
        {
            run.View.Show(await run.Client.CallAsync<CreateAssetRequest, Asset>(Services.Admin, "CreateAsset", new()
            {
                AssetCode = run.Value(code), Decimals = run.Value(decimals),
            }, run.Cancellation));
            return ExitCodes.Ok;
        });
        var list = new Command("list", "List assets");
        CommandRun.Bind(list, console, async run =>
        {
            var response = await run.Client.CallAsync<ListAssetsRequest, ListAssetsResponse>(Services.Admin, "ListAssets", new(), run.Cancellation);
            run.View.ShowList(response.Assets, Asset.Descriptor);
            return ExitCodes.Ok;
        });
        return new Command("asset", "Assets") { create, list };
    }

    private static Command Subaccounts(CliConsole console)
    {
        var subaccount = CommonOptions.Required("--subaccount", "The venue's subaccount id");
        var desk = CommonOptions.Required("--desk", "Desk id");
        var link = new Command("link", "Link a venue subaccount to a desk (its positions count for the desk's margin)") { subaccount, desk };
        CommandRun.Bind(link, console, async run =>
        {
            run.View.Show(await run.Client.CallAsync<LinkSubaccountRequest, SubaccountLink>(Services.Admin, "LinkSubaccount", new()
            {
                SubaccountId = run.Value(subaccount), DeskId = run.Value(desk),
            }, run.Cancellation));
            return ExitCodes.Ok;
        });
        var of = CommonOptions.Optional("--desk", "Only this desk's");
        var list = new Command("list", "List linked subaccounts") { of };
        CommandRun.Bind(list, console, async run =>
        {
            var response = await run.Client.CallAsync<ListSubaccountsRequest, ListSubaccountsResponse>(Services.Admin, "ListSubaccounts", new() { DeskId = run.Value(of) }, run.Cancellation);
            run.View.ShowList(response.Subaccounts, SubaccountLink.Descriptor);
            return ExitCodes.Ok;
        });
        return new Command("subaccount", "Venue subaccounts linked to desks") { link, list };
    }

    private static Command Keys(CliConsole console)
    {
        var role = new Option<string>("--role") { Description = "desk, custodian, auditor or operator", Required = true };
        role.AcceptOnlyFromAmong("desk", "custodian", "auditor", "operator");
        var scope = CommonOptions.Optional("--scope", "The desk or custodian the key acts for (desk and custodian keys)");
        var label = CommonOptions.Optional("--label", "What the key is for");
        var requestId = CommonOptions.RequestId();
        var create = new Command("create", "Issue an API key; its secret is shown once") { role, scope, label, requestId };
        CommandRun.Bind(create, console, async run =>
        {
            var response = await run.Client.CallAsync<CreateApiKeyRequest, CreateApiKeyResponse>(Services.Admin, "CreateApiKey", new()
            {
                RequestId = run.Value(requestId), Role = RoleOf(run.Value(role)), ScopeId = run.Value(scope), Label = run.Value(label),
            }, run.Cancellation);
            run.View.Show(response);
            run.View.Note("the secret is shown this once: keep it now");
            return ExitCodes.Ok;
        });
        var list = new Command("list", "List API keys (never their secrets)");
        CommandRun.Bind(list, console, async run =>
        {
            var response = await run.Client.CallAsync<ListApiKeysRequest, ListApiKeysResponse>(Services.Admin, "ListApiKeys", new(), run.Cancellation);
            run.View.ShowList(response.Keys, ApiKey.Descriptor);
            return ExitCodes.Ok;
        });
        var keyId = new Argument<string>("key-id") { Description = "The key's id (not its secret)" };
        var revoke = new Command("revoke", "Revoke an API key: it stops working at once") { keyId };
        CommandRun.Bind(revoke, console, async run =>
        {
            run.View.Show(await run.Client.CallAsync<RevokeApiKeyRequest, ApiKey>(Services.Admin, "RevokeApiKey", new() { KeyId = run.Value(keyId) }, run.Cancellation));
            return ExitCodes.Ok;
        });
        var rotateId = new Argument<string>("key-id") { Description = "The key's id" };
        var rotateRequest = CommonOptions.RequestId();
        var rotate = new Command("rotate", "Replace an API key with a new one of the same role and scope") { rotateId, rotateRequest };
        CommandRun.Bind(rotate, console, async run =>
        {
            run.View.Show(await run.Client.CallAsync<RotateApiKeyRequest, CreateApiKeyResponse>(Services.Admin, "RotateApiKey", new()
            {
                RequestId = run.Value(rotateRequest), KeyId = run.Value(rotateId),
            }, run.Cancellation));
            run.View.Note("the secret is shown this once: keep it now");
            return ExitCodes.Ok;
        });
        return new Command("key", "API keys") { create, list, revoke, rotate };
    }

    private static Command Terms(CliConsole console)
    {
        var desk = CommonOptions.Required("--desk", "Desk id");
        var asset = CommonOptions.Required("--settlement-asset", "The asset calls are made in, e.g. USDC");
        var independent = new Option<string>("--independent-amount") { Description = "Independent amount (smallest units)", DefaultValueFactory = _ => "0" };
        var threshold = new Option<string>("--threshold") { Description = "Threshold (smallest units)", DefaultValueFactory = _ => "0" };
        var mta = CommonOptions.Required("--mta", "Minimum transfer amount (smallest units)");
        var rounding = new Option<string>("--rounding") { Description = "Rounding unit (smallest units)", DefaultValueFactory = _ => "1" };
        var deadline = new Option<string>("--delivery-deadline") { Description = "Time to deliver after a call (30s, 90m, 24h, 2d)", DefaultValueFactory = _ => "24h" };
        var cure = new Option<string>("--cure-period") { Description = "Time after the deadline before an unmet call defaults", DefaultValueFactory = _ => "24h" };
        var requestId = CommonOptions.RequestId();
        var set = new Command("set", "Set a desk's credit support terms (a new version; earlier calls keep theirs)")
        {
            desk, asset, independent, threshold, mta, rounding, deadline, cure, requestId,
        };
        CommandRun.Bind(set, console, async run =>
        {
            run.View.Show(await run.Client.CallAsync<SetCreditTermsRequest, CreditTerms>(Services.Admin, "SetCreditTerms", new()
            {
                RequestId = run.Value(requestId),
                Terms = new CreditTerms
                {
                    DeskId = run.Value(desk), SettlementAsset = run.Value(asset), IndependentAmount = run.Value(independent), Threshold = run.Value(threshold),
                    MinimumTransferAmount = run.Value(mta), RoundingUnit = run.Value(rounding),
                    DeliveryDeadline = CommonOptions.Span(run.Value(deadline), "--delivery-deadline"), CurePeriod = CommonOptions.Span(run.Value(cure), "--cure-period"),
                },
            }, run.Cancellation));
            return ExitCodes.Ok;
        });
        var of = CommonOptions.Required("--desk", "Desk id");
        var at = CommonOptions.Optional("--at", "The terms in force at this instant (ISO 8601; default now)");
        var get = new Command("get", "A desk's credit terms, now or at a past instant") { of, at };
        CommandRun.Bind(get, console, async run =>
        {
            run.View.Show(await run.Client.CallAsync<GetCreditTermsRequest, CreditTerms>(Services.Admin, "GetCreditTerms", new()
            {
                DeskId = run.Value(of), AsOf = CommonOptions.Instant(run.Value(at), "--at"),
            }, run.Cancellation));
            return ExitCodes.Ok;
        });
        var historyOf = CommonOptions.Required("--desk", "Desk id");
        var history = new Command("history", "Every version of a desk's credit terms") { historyOf };
        CommandRun.Bind(history, console, async run =>
        {
            var response = await run.Client.CallAsync<ListCreditTermsRequest, ListCreditTermsResponse>(Services.Admin, "ListCreditTerms", new() { DeskId = run.Value(historyOf) }, run.Cancellation);
            run.View.ShowList(response.Versions, CreditTerms.Descriptor);
            return ExitCodes.Ok;
        });
        return new Command("terms", "Credit support terms") { set, get, history };
    }

    private static Command Haircuts(CliConsole console)
    {
        var asset = CommonOptions.Required("--asset", "Asset code");
        var bps = new Option<int>("--valuation-bps") { Description = "Valuation percentage in basis points (10000 = at par)", Required = true };
        var requestId = CommonOptions.RequestId();
        var set = new Command("set", "Set an asset's valuation percentage as collateral") { asset, bps, requestId };
        CommandRun.Bind(set, console, async run =>
        {
            run.View.Show(await run.Client.CallAsync<SetHaircutRequest, Haircut>(Services.Admin, "SetHaircut", new()
            {
                RequestId = run.Value(requestId), Asset = run.Value(asset), ValuationBps = run.Value(bps),
            }, run.Cancellation));
            return ExitCodes.Ok;
        });
        var list = new Command("list", "Valuation percentages in force");
        CommandRun.Bind(list, console, async run =>
        {
            var response = await run.Client.CallAsync<ListHaircutsRequest, ListHaircutsResponse>(Services.Admin, "ListHaircuts", new(), run.Cancellation);
            run.View.ShowList(response.Haircuts, Haircut.Descriptor);
            return ExitCodes.Ok;
        });
        return new Command("haircut", "Collateral valuation percentages") { set, list };
    }

    private static Role RoleOf(string role) => role switch
    {
        "desk" => Role.Desk,
        "custodian" => Role.Custodian,
        "auditor" => Role.Auditor,
        _ => Role.Operator,
    };
}
