using System.CommandLine;
using CustodySettle.Api.V1;

namespace CustodySettle.Cli.Commands;

/// <summary>
/// <c>desk</c>: a desk's margin status and positions, its calls, acknowledging or disputing one, and
/// following the call stream live (MarginService; a desk key sees its own desk, an operator or auditor any);
/// and its settlements, to approve or dispute (SettlementService).
/// </summary>
internal static class DeskCommands
{
    public static Command Build(CliConsole console)
    {
        var group = new Command("desk", "A desk's margin, positions and calls");
        group.Subcommands.Add(Status(console, "status", "Margin now: exposure, collateral, the decision, positions and collateral lines", positionsOnly: false));
        group.Subcommands.Add(Status(console, "positions", "Perp positions of the desk's linked subaccounts and their requirement", positionsOnly: true));
        group.Subcommands.Add(Calls(console));
        group.Subcommands.Add(Acknowledge(console));
        group.Subcommands.Add(Dispute(console));
        group.Subcommands.Add(Watch(console));
        foreach (var command in SettlementCommands.ForDesks(console))
        {
            group.Subcommands.Add(command);
        }

        return group;
    }

    private static Option<string> DeskOption() => CommonOptions.Optional("--desk", "Desk id (a desk key's own when omitted)");

    private static Command Status(CliConsole console, string name, string description, bool positionsOnly)
    {
        var desk = DeskOption();
        var command = new Command(name, description) { desk };
        CommandRun.Bind(command, console, async run =>
        {
            var status = await run.Client.CallAsync<GetMarginStatusRequest, MarginStatus>(Services.Margin, "GetMarginStatus", new() { DeskId = run.Value(desk) }, run.Cancellation);
            if (positionsOnly)
            {
                run.View.ShowList(status.Positions, PositionLine.Descriptor);
            }
            else
            {
                run.View.Show(status);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Calls(CliConsole console)
    {
        var desk = DeskOption();
        var command = new Command("calls", "Margin calls, newest state of each") { desk };
        CommandRun.Bind(command, console, async run =>
        {
            var response = await run.Client.CallAsync<ListMarginCallsRequest, ListMarginCallsResponse>(Services.Margin, "ListMarginCalls", new() { DeskId = run.Value(desk) }, run.Cancellation);
            run.View.ShowList(response.Calls, MarginCall.Descriptor);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Acknowledge(CliConsole console)
    {
        var call = new Argument<string>("call-id") { Description = "The call's id" };
        var reason = CommonOptions.Optional("--reason", "Why, for the call's history");
        var command = new Command("ack", "Acknowledge a margin call (the desk's own)") { call, reason };
        CommandRun.Bind(command, console, async run =>
        {
            run.View.Show(await run.Client.CallAsync<AcknowledgeMarginCallRequest, MarginCall>(Services.Margin, "AcknowledgeMarginCall", new()
            {
                CallId = run.Value(call), Reason = run.Value(reason),
            }, run.Cancellation));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Dispute(CliConsole console)
    {
        var call = new Argument<string>("call-id") { Description = "The call's id" };
        var reason = CommonOptions.Required("--reason", "Why the desk disputes it");
        var amount = CommonOptions.Optional("--desk-amount", "The amount the desk computes instead (smallest units)");
        var command = new Command("dispute", "Dispute a margin call, with the desk's own figure") { call, reason, amount };
        CommandRun.Bind(command, console, async run =>
        {
            run.View.Show(await run.Client.CallAsync<DisputeMarginCallRequest, MarginCall>(Services.Margin, "DisputeMarginCall", new()
            {
                CallId = run.Value(call), Reason = run.Value(reason), DeskAmount = run.Value(amount),
            }, run.Cancellation));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Watch(CliConsole console)
    {
        var desk = DeskOption();
        var limit = new Option<int>("--limit") { Description = "Stop after this many (0: until Ctrl-C)", DefaultValueFactory = _ => 0 };
        var after = new Option<long>("--after") { Description = "Resume after this sequence (0: from the first event)", DefaultValueFactory = _ => 0 };
        var command = new Command("watch", "Follow margin call events live, a line each, until Ctrl-C or --limit") { desk, after, limit };
        CommandRun.Bind(command, console, run => run.FollowAsync(
            run.Client.StreamAsync<WatchMarginCallsRequest, MarginCallEvent>(Services.Margin, "WatchMarginCalls", new() { DeskId = run.Value(desk), AfterSequence = run.Value(after) }, run.Cancellation),
            run.Value(limit)));
        return command;
    }
}
