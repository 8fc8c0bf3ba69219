using System.Globalization;
using System.Numerics;
using CustodySettle.Custody.Confirmations;
using CustodySettle.Custody.Instructions;
using CustodySettle.Domain.Errors;
using CustodySettle.Domain.Margin;
using CustodySettle.Margin.Status;
using Microsoft.Extensions.Logging;

namespace CustodySettle.Margin.Calls;

/// <summary>
/// Return calls, the margin pass's other half (ISDA CSA Return Amount): a desk holding more than its
/// credit support amount by at least the MTA (the decision's return, rounded down to the rounding unit)
/// gets a return call, capped at what the custodian holding most of its settlement asset holds there.
/// The desk accepts it (AcknowledgeMarginCall); the pass then instructs that custodian to release the
/// amount (a withdrawal whose request id is the call's, so a crash between the two writes finds the same
/// instruction), and the custodian's confirmation of it meets the call; it settles as deliveries do.
/// Until it is instructed, a return whose excess is gone (the price moved against the desk) is cancelled.
/// </summary>
public sealed partial class ReturnCalls(PostgresMarginCallStore calls, PostgresInstructionBook instructions, ILogger<ReturnCalls> logger)
{
    private const string Engine = "margin engine";

    /// <param name="deskId">The desk.</param>
    /// <param name="status">Its margin as the pass read it.</param>
    /// <param name="open">Its open return call as the pass found it, if any.</param>
    /// <param name="excess">The decision's return amount (0 when none).</param>
    /// <param name="deliveryOpen">The desk has an open delivery call: no return while it is short.</param>
    /// <param name="now">The pass's instant.</param>
    /// <param name="cancellationToken">Cancels the pass.</param>
    public async Task RunAsync(
        string deskId, DeskMarginStatus status, MarginCall? open, BigInteger excess, bool deliveryOpen, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(status);
        var ct = cancellationToken;
        if (open is null)
        {
            if (excess.Sign > 0 && !deliveryOpen)
            {
                await IssueAsync(deskId, status, excess, now, ct);
            }

            return;
        }

        if (open.InstructionId is null && excess < open.Amount)
        {
            var reason = string.Create(CultureInfo.InvariantCulture, $"the excess fell to {excess} at block {status.BlockNumber}, below the return of {open.Amount}");
            await calls.TransitionAsync(open.CallId, c => c.InstructionId is null && c.IsOpen ? c.Cancel(Engine, now, reason) : c, ct);
            Cancelled(logger, open.CallId, deskId, excess);
        }
        else if (open.State == MarginCallState.Acknowledged && open.InstructionId is null)
        {
            await InstructAsync(open, status.Terms.SettlementAsset, ct);
        }
        else if (open.State == MarginCallState.Acknowledged && open.InstructionId is { } id && await instructions.GetAsync(id, ct) is { Executed: true } done)
        {
            await calls.TransitionAsync(open.CallId, c => c.State == MarginCallState.Acknowledged
                ? c.Deliver(c.Outstanding, $"custodian {done.CustodianId}", now, $"instruction {id} executed (confirmation {done.ConfirmationId})")
                : c, ct);
        }
    }

    private async Task IssueAsync(string deskId, DeskMarginStatus status, BigInteger excess, DateTimeOffset now, CancellationToken ct)
    {
        var terms = status.Terms.Terms;
        if (await calls.LargestHoldingAsync(deskId, status.Terms.SettlementAsset, ct) is not { } holding)
        {
            return; // its collateral is all in other assets: returned on request, by an operator's instruction
        }

        var amount = Domain.Margin.FixedPoint.RoundDownTo(BigInteger.Min(excess, holding.Held), terms.RoundingUnit);
        if (amount < BigInteger.Max(terms.MinimumTransferAmount, BigInteger.One))
        {
            return;
        }

        var reason = string.Create(CultureInfo.InvariantCulture,
            $"collateral above the credit support amount by {excess} at block {status.BlockNumber}: {amount} to return from custodian {holding.CustodianId}");
        var issued = await calls.IssueAsync(MarginCall.IssueReturn(Guid.NewGuid(), deskId, amount, terms, status.Terms.Version, now, reason), ct);
        IssuedReturn(logger, issued.CallId, deskId, issued.Amount, status.BlockNumber);
    }

    private async Task InstructAsync(MarginCall call, string assetCode, CancellationToken ct)
    {
        if (await calls.LargestHoldingAsync(call.DeskId, assetCode, ct) is not { } holding || holding.Held < call.Amount)
        {
            return; // the next pass cancels it if the excess is gone; a custodian short of it is a reconciliation matter
        }

        try
        {
            var instruction = await instructions.IssueAsync(new InstructionRequest(
                call.CallId, holding.CustodianId, call.DeskId, assetCode, TransferDirection.Withdrawal, call.Amount,
                $"return call {call.CallId}: excess collateral released to the desk"), ct);
            await calls.TransitionAsync(call.CallId, c => c.InstructionId is null ? c.Instructed(instruction.InstructionId) : c, ct);
            Instructed(logger, call.CallId, instruction.InstructionId, holding.CustodianId);
        }
        catch (InvalidStateException e)
        {
            NotInstructed(logger, call.CallId, e.Message); // withdrawals blocked by a default: tried again next pass
        }
    }

    [LoggerMessage(EventId = 1204, Level = LogLevel.Information, Message = "Return call {CallId} issued to desk {Desk} for {Amount} (block {Block})")]
    private static partial void IssuedReturn(ILogger logger, Guid callId, string desk, BigInteger amount, long block);

    [LoggerMessage(EventId = 1205, Level = LogLevel.Information, Message = "Return call {CallId} of desk {Desk} cancelled: the excess fell to {Excess}")]
    private static partial void Cancelled(ILogger logger, Guid callId, string desk, BigInteger excess);

    [LoggerMessage(EventId = 1206, Level = LogLevel.Information, Message = "Return call {CallId} instructed as {InstructionId} to custodian {Custodian}")]
    private static partial void Instructed(ILogger logger, Guid callId, Guid instructionId, string custodian);

    [LoggerMessage(EventId = 1207, Level = LogLevel.Warning, Message = "Return call {CallId} not instructed: {Reason}")]
    private static partial void NotInstructed(ILogger logger, Guid callId, string reason);
}
