using System.CommandLine;
using CustodySettle.Api.V1;

namespace CustodySettle.Cli.Commands;

/// <summary>
/// Settlement cycles (SettlementService): an operator runs a cycle; desks (and auditors, operators) list
/// and read settlements; a desk approves or disputes its own inside the dispute window, an operator
/// may approve. Added to the <c>operator</c> group as <c>settlement run</c> and to the <c>desk</c> group.
/// </summary>
internal static class SettlementCommands
{
    public static Command Run(CliConsole console)
    {
        var toBlock = new Option<long>("--to-block") { Description = "Close the cycle at this block (0: the head less the finality depth)" };
        var requestId = CommonOptions.RequestId();
        var run = new Command("run", "Close a settlement cycle now: net each desk's realized PnL and funding since the last one") { toBlock, requestId };
        CommandRun.Bind(run, console, async command =>
        {
            var cycle = await command.Client.CallAsync<RunSettlementCycleRequest, SettlementCycle>(Services.Settlement, "RunSettlementCycle",
                new() { RequestId = command.Value(requestId), ToBlock = command.Value(toBlock) }, command.Cancellation);
            if (command.View.Json)
            {
                command.View.Show(cycle);
            }
            else
            {
                command.View.Note($"cycle {cycle.CycleId}: blocks {cycle.FromBlock} to {cycle.ToBlock}, {cycle.EventCount} event(s), dispute window until {cycle.WindowEndsAt?.ToDateTimeOffset():u}");
                command.View.ShowList(cycle.Settlements, Settlement.Descriptor, "settlement_id", "desk_id", "asset", "realized_pnl", "funding", "net", "state");
            }

            return ExitCodes.Ok;
        });
        return new Command("settlement", "Settlement cycles") { run, Approve(console) };
    }

    /// <summary>The desk group's settlement commands.</summary>
    public static IEnumerable<Command> ForDesks(CliConsole console)
    {
        var desk = CommonOptions.Optional("--desk", "Desk id (a desk key's own when omitted)");
        var cycle = CommonOptions.Optional("--cycle", "Only this cycle's");
        var list = new Command("settlements", "Settlements: each cycle's net amount for the desk, and their state") { desk, cycle };
        CommandRun.Bind(list, console, async run =>
        {
            var response = await run.Client.CallAsync<ListSettlementsRequest, ListSettlementsResponse>(Services.Settlement, "ListSettlements",
                new() { DeskId = run.Value(desk), CycleId = run.Value(cycle) }, run.Cancellation);
            run.View.ShowList(response.Settlements, Settlement.Descriptor, "settlement_id", "cycle_id", "desk_id", "net", "state", "window_ends_at", "instruction_id");
            return ExitCodes.Ok;
        });
        yield return list;

        var id = new Argument<string>("settlement-id") { Description = "The settlement's id" };
        var get = new Command("settlement", "One settlement, with the PerpSettled events it nets") { id };
        CommandRun.Bind(get, console, async run =>
        {
            run.View.Show(await run.Client.CallAsync<GetSettlementRequest, Settlement>(Services.Settlement, "GetSettlement", new() { SettlementId = run.Value(id) }, run.Cancellation));
            return ExitCodes.Ok;
        });
        yield return get;

        yield return Approve(console, "approve-settlement");

        var disputed = new Argument<string>("settlement-id") { Description = "The settlement's id" };
        var reason = CommonOptions.Required("--reason", "Why the desk disputes it");
        var amount = CommonOptions.Required("--desk-amount", "The net the desk computes instead (smallest units, signed)");
        var dispute = new Command("dispute-settlement", "Dispute a settlement inside its window: its instruction is held") { disputed, reason, amount };
        CommandRun.Bind(dispute, console, async run =>
        {
            run.View.Show(await run.Client.CallAsync<DisputeSettlementRequest, Settlement>(Services.Settlement, "DisputeSettlement", new()
            {
                SettlementId = run.Value(disputed), Reason = run.Value(reason), DeskAmount = run.Value(amount),
            }, run.Cancellation));
            return ExitCodes.Ok;
        });
        yield return dispute;
    }

    private static Command Approve(CliConsole console, string name = "approve")
    {
        var id = new Argument<string>("settlement-id") { Description = "The settlement's id" };
        var reason = CommonOptions.Optional("--reason", "Why, for its history");
        var approve = new Command(name, "Approve a settlement before its window ends: it becomes final") { id, reason };
        CommandRun.Bind(approve, console, async run =>
        {
            run.View.Show(await run.Client.CallAsync<ApproveSettlementRequest, Settlement>(Services.Settlement, "ApproveSettlement",
                new() { SettlementId = run.Value(id), Reason = run.Value(reason) }, run.Cancellation));
            return ExitCodes.Ok;
        });
        return approve;
    }
}
