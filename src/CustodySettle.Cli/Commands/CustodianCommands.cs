using System.CommandLine;
using CustodySettle.Api.V1;
using Spectre.Console;

namespace CustodySettle.Cli.Commands;

/// <summary>
/// <c>custodian</c>: report a balance statement from a CSV file, confirm an executed transfer, list and
/// follow settlement instructions (CustodianService, a custodian key for its own custodian).
/// </summary>
internal static class CustodianCommands
{
    public static Command Build(CliConsole console)
    {
        var group = new Command("custodian", "Statements, transfer confirmations and settlement instructions");
        group.Subcommands.Add(Report(console));
        group.Subcommands.Add(Confirm(console));
        group.Subcommands.Add(Instructions(console));
        group.Subcommands.Add(Watch(console));
        return group;
    }

    private static Option<string> CustodianOption() => CommonOptions.Optional("--custodian", "Custodian id (a custodian key's own when omitted)");

    private static Command Report(CliConsole console)
    {
        var file = new Argument<FileInfo>("csv") { Description = "desk_id,asset,balance[,reference] per line, a header line first" };
        var statement = CommonOptions.Required("--statement-id", "The statement's id: reporting it again returns the first outcome");
        var asOf = CommonOptions.Required("--as-of", "The instant the balances are as of (ISO 8601)");
        var custodian = CustodianOption();
        var command = new Command("report", "Report a balance statement from a CSV file") { file, statement, asOf, custodian };
        CommandRun.Bind(command, console, async run =>
        {
            var lines = await StatementCsv.ReadAsync(run.Value(file), run, run.Cancellation);
            var request = new ReportBalancesRequest
            {
                CustodianId = run.Value(custodian), StatementId = run.Value(statement), AsOf = CommonOptions.Instant(run.Value(asOf), "--as-of"),
            };
            request.Lines.AddRange(lines);
            var result = run.Console.Interactive && !run.View.Json
                ? await run.Console.Out.Status().StartAsync($"reporting {lines.Count} lines", _ => Send(run, request))
                : await Send(run, request);
            run.View.Show(result);
            return ExitCodes.Ok;
        });
        return command;

        static Task<Statement> Send(CommandRun run, ReportBalancesRequest request) =>
            run.Client.CallAsync<ReportBalancesRequest, Statement>(Services.Custodian, "ReportBalances", request, run.Cancellation);
    }

    private static Command Confirm(CliConsole console)
    {
        var confirmation = CommonOptions.Required("--confirmation-id", "The custodian's id of the executed transfer: confirming it again returns the first outcome");
        var direction = CommonOptions.Required("--direction", "deposit or withdrawal");
        var desk = CommonOptions.Required("--desk", "Desk id");
        var asset = CommonOptions.Required("--asset", "Asset code");
        var amount = CommonOptions.Required("--amount", "Amount (smallest units)");
        var executed = CommonOptions.Required("--executed-at", "When it was executed (ISO 8601)");
        var reference = CommonOptions.Optional("--reference", "The custodian's reference");
        var instruction = CommonOptions.Optional("--instruction", "The settlement instruction it executes, if any");
        var custodian = CustodianOption();
        var command = new Command("confirm", "Confirm a transfer the custodian executed") { confirmation, direction, desk, asset, amount, executed, reference, instruction, custodian };
        CommandRun.Bind(command, console, async run =>
        {
            run.View.Show(await run.Client.CallAsync<ConfirmTransferRequest, TransferConfirmation>(Services.Custodian, "ConfirmTransfer", new()
            {
                CustodianId = run.Value(custodian), ConfirmationId = run.Value(confirmation),
                Direction = CommonOptions.Choice<TransferDirection>(run.Value(direction), "--direction"),
                DeskId = run.Value(desk), Asset = run.Value(asset), Amount = run.Value(amount),
                ExecutedAt = CommonOptions.Instant(run.Value(executed), "--executed-at"), Reference = run.Value(reference), InstructionId = run.Value(instruction),
            }, run.Cancellation));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Instructions(CliConsole console)
    {
        var custodian = CustodianOption();
        var status = CommonOptions.Optional("--status", "pending or executed (default: both)");
        var command = new Command("instructions", "Settlement instructions for the custodian") { custodian, status };
        CommandRun.Bind(command, console, async run =>
        {
            var response = await run.Client.CallAsync<ListInstructionsRequest, ListInstructionsResponse>(Services.Custodian, "ListInstructions", new()
            {
                CustodianId = run.Value(custodian), Status = CommonOptions.Choice<InstructionStatus>(run.Value(status), "--status"),
            }, run.Cancellation);
            run.View.ShowList(response.Instructions, Instruction.Descriptor);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Watch(CliConsole console)
    {
        var custodian = CustodianOption();
        var limit = new Option<int>("--limit") { Description = "Stop after this many (0: until Ctrl-C)", DefaultValueFactory = _ => 0 };
        var after = new Option<long>("--after") { Description = "Resume after this sequence (0: from the first)", DefaultValueFactory = _ => 0 };
        var command = new Command("watch", "Follow settlement instructions live, a line each, until Ctrl-C or --limit") { custodian, after, limit };
        CommandRun.Bind(command, console, run => run.FollowAsync(
            run.Client.StreamAsync<WatchInstructionsRequest, Instruction>(Services.Custodian, "WatchInstructions", new() { CustodianId = run.Value(custodian), AfterSequence = run.Value(after) }, run.Cancellation),
            run.Value(limit)));
        return command;
    }
}
