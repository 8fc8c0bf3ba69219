using System.CommandLine;
using CustodySettle.Api.V1;
using Spectre.Console;

namespace CustodySettle.Cli.Commands;

/// <summary>
/// <c>auditor</c>: read-only questions of the ledger (an account's balance at a past instant or sequence,
/// the journal, a statement export, the audit chain's verification) and of reconciliation (runs,
/// reports, breaks). An auditor key reads everything and writes nothing; running a reconciliation takes
/// an operator key.
/// </summary>
internal static class AuditorCommands
{
    public static Command Build(CliConsole console)
    {
        var group = new Command("auditor", "Balances at any time, the journal, statements, the audit chain, reconciliation");
        group.Subcommands.Add(Accounts(console));
        group.Subcommands.Add(Balance(console));
        group.Subcommands.Add(Journal(console));
        group.Subcommands.Add(Export(console));
        group.Subcommands.Add(Verify(console));
        group.Subcommands.Add(Reconciliation(console));
        return group;
    }

    private static Command Accounts(CliConsole console)
    {
        var kind = CommonOptions.Optional("--owner-kind", "desk, venue or custodian");
        var owner = CommonOptions.Optional("--owner", "Owner id");
        var command = new Command("accounts", "Ledger accounts, with their ids for balance and journal") { kind, owner };
        CommandRun.Bind(command, console, async run =>
        {
            var response = await run.Client.CallAsync<ListAccountsRequest, ListAccountsResponse>(Services.Ledger, "ListAccounts", new()
            {
                OwnerKind = CommonOptions.Choice<OwnerKind>(run.Value(kind), "--owner-kind"), OwnerId = run.Value(owner),
            }, run.Cancellation);
            run.View.ShowList(response.Accounts, LedgerAccount.Descriptor);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Balance(CliConsole console)
    {
        var account = new Option<long>("--account") { Description = "Ledger account id (auditor accounts lists them)", Required = true };
        var at = CommonOptions.Optional("--at", "As of this instant (ISO 8601)");
        var sequence = new Option<long?>("--sequence") { Description = "As of this journal sequence" };
        var command = new Command("balance", "An account's balance at a past instant or journal sequence (now when neither is given)") { account, at, sequence };
        CommandRun.Bind(command, console, async run =>
        {
            var request = new GetBalanceAtRequest { AccountId = run.Value(account) };
            if (run.Parse.GetValue(sequence) is { } bySequence && run.Value(at).Length > 0)
            {
                throw new CliException(ExitCodes.Usage, "--at and --sequence: give one, not both");
            }
            else if (run.Parse.GetValue(sequence) is { } onlySequence)
            {
                request.Sequence = onlySequence;
            }
            else
            {
                request.Time = CommonOptions.Instant(run.Value(at), "--at") ?? Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow);
            }

            run.View.Show(await run.Client.CallAsync<GetBalanceAtRequest, GetBalanceAtResponse>(Services.Ledger, "GetBalanceAt", request, run.Cancellation));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Journal(CliConsole console)
    {
        var asset = CommonOptions.Optional("--asset", "Only this asset's ledger");
        var account = new Option<long>("--account") { Description = "Only entries of this account" };
        var kind = CommonOptions.Optional("--owner-kind", "Only accounts of this kind of owner: desk, venue or custodian");
        var owner = CommonOptions.Optional("--owner", "Only this owner's accounts");
        var from = CommonOptions.Optional("--from", "From this instant (ISO 8601)");
        var to = CommonOptions.Optional("--to", "Before this instant (ISO 8601)");
        var transfer = CommonOptions.Optional("--transfer", "Only this transfer's entries");
        var pageSize = new Option<int>("--page-size") { Description = "Entries per page", DefaultValueFactory = _ => 100 };
        var pageToken = CommonOptions.Optional("--page-token", "Continue from a page's next_page_token");
        var all = new Option<bool>("--all") { Description = "Follow every page to the end" };
        var command = new Command("journal", "Journal entries, oldest first, by account, owner, time range or transfer")
        {
            asset, account, kind, owner, from, to, transfer, pageSize, pageToken, all,
        };
        CommandRun.Bind(command, console, async run =>
        {
            var request = new ListJournalRequest
            {
                Asset = run.Value(asset), AccountId = run.Value(account), OwnerKind = CommonOptions.Choice<OwnerKind>(run.Value(kind), "--owner-kind"),
                OwnerId = run.Value(owner), FromTime = CommonOptions.Instant(run.Value(from), "--from"), ToTime = CommonOptions.Instant(run.Value(to), "--to"),
                TransferId = run.Value(transfer), PageSize = run.Value(pageSize), PageToken = run.Value(pageToken),
            };
            var entries = new List<JournalEntry>();
            ListJournalResponse page;
            do
            {
                page = await run.Client.CallAsync<ListJournalRequest, ListJournalResponse>(Services.Ledger, "ListJournal", request, run.Cancellation);
                entries.AddRange(page.Entries);
                request.PageToken = page.NextPageToken;
            }
            while (run.Value(all) && page.NextPageToken.Length > 0);

            run.View.ShowList(entries, JournalEntry.Descriptor);
            if (page.NextPageToken.Length > 0)
            {
                run.View.Note($"more: --page-token {page.NextPageToken} (or --all)");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Export(CliConsole console)
    {
        var kind = CommonOptions.Required("--owner-kind", "desk, venue or custodian");
        var owner = CommonOptions.Required("--owner", "Owner id");
        var from = CommonOptions.Required("--from", "Period start (ISO 8601)");
        var to = CommonOptions.Required("--to", "Period end (ISO 8601)");
        var output = new Option<FileInfo?>("--out") { Description = "Write the CSV here (default: standard output)" };
        var command = new Command("export", "An owner's statement for a period as CSV: opening and closing balance and every entry per account") { kind, owner, from, to, output };
        CommandRun.Bind(command, console, async run =>
        {
            var request = new ExportStatementRequest
            {
                OwnerKind = CommonOptions.Choice<OwnerKind>(run.Value(kind), "--owner-kind"), OwnerId = run.Value(owner),
                FromTime = CommonOptions.Instant(run.Value(from), "--from"), ToTime = CommonOptions.Instant(run.Value(to), "--to"),
            };
            var file = run.Parse.GetValue(output);
            await using var writer = file is null ? null : new StreamWriter(file.FullName);
            var target = writer ?? run.Console.Raw;
            long lines = 0;
            var accounts = 0;
            await foreach (var chunk in run.Client.StreamAsync<ExportStatementRequest, StatementChunk>(Services.Ledger, "ExportStatement", request, run.Cancellation))
            {
                await target.WriteAsync(chunk.Csv);
                (lines, accounts) = (lines + chunk.Lines, Math.Max(accounts, chunk.Accounts));
            }

            await target.FlushAsync();
            if (file is not null)
            {
                run.View.Note($"wrote {lines} lines for {accounts} account(s) to {file.FullName}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Verify(CliConsole console)
    {
        var command = new Command("verify", "Re-hash the whole journal and replay every balance: exit 8 at the first broken link");
        CommandRun.Bind(command, console, async run =>
        {
            var result = run.Console.Interactive && !run.View.Json
                ? await run.Console.Out.Status().StartAsync("verifying the audit chain", _ => Send(run))
                : await Send(run);
            run.View.Show(result);
            if (!result.Intact)
            {
                run.View.Note($"BROKEN at sequence {result.FirstBreak?.Sequence}: {result.FirstBreak?.Kind} {result.FirstBreak?.Detail} ({result.FirstBreak?.Asset})");
                return ExitCodes.ChainBroken;
            }

            run.View.Note($"intact: {result.EntriesChecked} entries in {result.LedgersChecked} ledger(s), {result.AccountsReplayed} balances replayed");
            return ExitCodes.Ok;
        });
        return command;

        static Task<VerifyAuditChainResponse> Send(CommandRun run) =>
            run.Client.CallAsync<VerifyAuditChainRequest, VerifyAuditChainResponse>(Services.Ledger, "VerifyAuditChain", new(), run.Cancellation);
    }

    private static Command Reconciliation(CliConsole console)
    {
        var requestId = CommonOptions.RequestId();
        var runCommand = new Command("run", "Reconcile custodian, ledger and chain now (an operator key)") { requestId };
        CommandRun.Bind(runCommand, console, async run =>
        {
            var request = new RunReconciliationRequest { RequestId = run.Value(requestId) };
            var report = run.Console.Interactive && !run.View.Json
                ? await run.Console.Out.Status().StartAsync("reconciling", _ => Send(run, request))
                : await Send(run, request);
            run.View.Show(report);
            return ExitCodes.Ok;
        });
        var reportId = new Argument<string>("report-id") { Description = "The report's id" };
        var report = new Command("report", "A reconciliation report and its breaks") { reportId };
        CommandRun.Bind(report, console, async run =>
        {
            run.View.Show(await run.Client.CallAsync<GetReportRequest, ReconciliationReport>(Services.Reconciliation, "GetReport", new() { ReportId = run.Value(reportId) }, run.Cancellation));
            return ExitCodes.Ok;
        });
        var status = CommonOptions.Optional("--status", "open, acknowledged or resolved (default: all)");
        var desk = CommonOptions.Optional("--desk", "Only this desk's");
        var breaks = new Command("breaks", "Reconciliation breaks") { status, desk };
        CommandRun.Bind(breaks, console, async run =>
        {
            var response = await run.Client.CallAsync<ListBreaksRequest, ListBreaksResponse>(Services.Reconciliation, "ListBreaks", new()
            {
                Status = CommonOptions.Choice<BreakStatus>(run.Value(status), "--status"), DeskId = run.Value(desk),
            }, run.Cancellation);
            run.View.ShowList(response.Breaks, Break.Descriptor);
            return ExitCodes.Ok;
        });
        return new Command("recon", "Reconciliation runs, reports and breaks") { runCommand, report, breaks };

        static Task<ReconciliationReport> Send(CommandRun run, RunReconciliationRequest request) =>
            run.Client.CallAsync<RunReconciliationRequest, ReconciliationReport>(Services.Reconciliation, "RunReconciliation", request, run.Cancellation);
    }
}
