using System.Globalization;
using System.Numerics;
using CustodySettle.Database;
using CustodySettle.Domain.Margin;
using CustodySettle.Margin.Status;
using Microsoft.Extensions.Logging;

namespace CustodySettle.Margin.Calls;

/// <summary>
/// One margin pass over every desk with terms: a desk short of its credit support amount by at least
/// the MTA gets a call (one open call per desk); an open call follows the collateral (what the desk
/// has delivered since is what its shortfall shrank by: partially met, then met), and defaults at the
/// end of its cure period if still unmet. A met call is settled once the ledger, the chain and the
/// custodian agree on the desk's collateral, as a reconciliation begun after it was met saw them
/// (<see cref="ISettlementAgreement"/>). A defaulted call's positions are closed out when configured
/// (<see cref="CloseOuts"/>); excess collateral gets return calls (<see cref="ReturnCalls"/>).
/// </summary>
public sealed partial class MarginPass(
    MarginStatusReader reader, PostgresMarginCallStore calls, ReturnCalls returns, CloseOuts closeOuts, ISettlementAgreement agreement,
    TimeProvider time, ILogger<MarginPass> logger)
{
    /// <summary>
    /// Every desk with credit terms, read in one batch at one block (<see cref="MarginStatusReader.ReadAllAsync"/>);
    /// a desk without terms has nothing to call.
    /// </summary>
    /// <returns>How many desks it read.</returns>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var reads = await reader.ReadAllAsync(cancellationToken);
        var open = await calls.AllOpenAsync(cancellationToken);
        foreach (var (deskId, read) in reads)
        {
            if (read.Status is not { } status)
            {
                // This desk's figures could not be read: the others still get their pass; it is tried again on the next block.
                DeskSkipped(logger, deskId, read.Error?.Message ?? "unknown");
                continue;
            }

            await RunDeskAsync(deskId, status, open.GetValueOrDefault(deskId) ?? DeskCalls.None, cancellationToken);
        }

        return reads.Count;
    }

    /// <summary>One desk's pass on its freshly read <paramref name="status"/> and its calls as the pass found them.</summary>
    private async Task RunDeskAsync(string deskId, DeskMarginStatus status, DeskCalls found, CancellationToken cancellationToken)
    {
        var now = PostgresTime.ToMicroseconds(time.GetUtcNow());
        var shortfall = status.Decision.Action == MarginAction.Delivery ? status.Decision.Amount : 0;
        var excess = status.Decision.Action == MarginAction.Return ? status.Decision.Amount : 0;
        await SettleMetAsync(deskId, found.Met, cancellationToken);
        var delivery = found.Delivery;
        if (delivery is not null)
        {
            // A close-out under way finishes first: its note lands before the call follows the shortfall it removed.
            if (delivery.State == MarginCallState.Defaulted && closeOuts.Enabled)
            {
                await closeOuts.RunAsync(delivery, status, now, cancellationToken);
            }

            // Most passes change nothing: only a call whose follow adds a transition is written (under the store's lock, re-read).
            var mta = status.Terms.Terms.MinimumTransferAmount;
            var followed = Follow(delivery, shortfall, mta, now, status.BlockNumber);
            if (followed.History.Count > delivery.History.Count)
            {
                followed = await calls.TransitionAsync(delivery.CallId, call => Follow(call, shortfall, mta, now, status.BlockNumber), cancellationToken);
            }

            if (followed.Amount > delivery.Amount)
            {
                Raised(logger, delivery.CallId, deskId, followed.Amount, status.BlockNumber);
            }

            if (followed.State == MarginCallState.Defaulted && delivery.State != MarginCallState.Defaulted && closeOuts.Enabled)
            {
                await closeOuts.RunAsync(followed, status, now, cancellationToken); // just defaulted: plan the close-out and send it
            }
        }
        else if (shortfall.Sign > 0)
        {
            var call = MarginCall.Issue(Guid.NewGuid(), deskId, shortfall, status.Terms.Terms, status.Terms.Version, now);
            call = call with { History = [call.History[0] with { Reason = $"collateral below the credit support amount at block {status.BlockNumber}" }] };
            delivery = await calls.IssueAsync(call, cancellationToken);
            Issued(logger, delivery.CallId, deskId, delivery.Amount, status.BlockNumber);
        }

        await returns.RunAsync(deskId, status, found.Return, excess, delivery is { IsOpen: true }, now, cancellationToken);
    }

    private async Task SettleMetAsync(string deskId, IReadOnlyList<(Guid CallId, DateTimeOffset MetAt)> met, CancellationToken cancellationToken)
    {
        foreach (var (callId, metAt) in met)
        {
            if (await agreement.AgreementSinceAsync(deskId, metAt, cancellationToken) is not { } evidence)
            {
                continue;
            }

            // The transition re-reads the call under the store's lock: another instance may have settled it meanwhile.
            var now = PostgresTime.ToMicroseconds(time.GetUtcNow());
            var settled = await calls.TransitionAsync(callId, c => c.State == MarginCallState.Met ? c.Settle("margin engine", now, evidence) : c, cancellationToken);
            if (settled.State == MarginCallState.Settled)
            {
                CallSettled(logger, callId, deskId);
            }
        }
    }

    /// <summary>
    /// The call after the desk's shortfall became <paramref name="shortfall"/> at <paramref name="block"/>,
    /// as of <paramref name="now"/>: what the shortfall shrank by was delivered; a growth of at least the
    /// MTA (<paramref name="minimumTransfer"/>) raises the call by it; a smaller one waits, as a new call
    /// below the MTA would.
    /// </summary>
    internal static MarginCall Follow(MarginCall call, BigInteger shortfall, BigInteger minimumTransfer, DateTimeOffset now, long block)
    {
        var delivered = call.Outstanding - shortfall;
        var followed = call;
        if (delivered.Sign > 0 && call.IsOpen)
        {
            followed = call.Deliver(BigInteger.Min(delivered, call.Outstanding), "margin engine", now,
                string.Create(CultureInfo.InvariantCulture, $"the shortfall fell to {shortfall} at block {block}: collateral delivered or exposure reduced"));
        }
        else if (-delivered >= BigInteger.Max(minimumTransfer, BigInteger.One) && call.State is not (MarginCallState.Defaulted or MarginCallState.Met or MarginCallState.Settled)
            && now < call.DefaultsAt)
        {
            followed = call.Raise(-delivered, "margin engine", now,
                string.Create(CultureInfo.InvariantCulture, $"shortfall grew to {shortfall} at block {block}: call raised by {-delivered}"));
        }

        return followed.AsOf(now);
    }

    [LoggerMessage(EventId = 1200, Level = LogLevel.Information, Message = "Margin call {CallId} issued to desk {Desk} for {Amount} (block {Block})")]
    private static partial void Issued(ILogger logger, Guid callId, string desk, BigInteger amount, long block);

    [LoggerMessage(EventId = 1203, Level = LogLevel.Information, Message = "Margin call {CallId} of desk {Desk} raised to {Amount} (block {Block})")]
    private static partial void Raised(ILogger logger, Guid callId, string desk, BigInteger amount, long block);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Information, Message = "Margin call {CallId} of desk {Desk} settled: ledger, chain and custodian agree")]
    private static partial void CallSettled(ILogger logger, Guid callId, string desk);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Warning, Message = "Margin pass skipped desk {Desk}: {Reason}")]
    private static partial void DeskSkipped(ILogger logger, string desk, string reason);
}
