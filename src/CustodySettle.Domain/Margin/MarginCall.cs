using System.Numerics;
using CustodySettle.Domain.Errors;

namespace CustodySettle.Domain.Margin;

/// <summary>
/// A margin call (delivery) and its life, immutable: every transition returns the next call and records
/// who, when and why; a transition the state does not allow throws <see cref="InvalidStateException"/>.
/// Issued → acknowledged or disputed by the desk; deliveries confirmed by the custodian make it
/// partially met or met; a shortfall that grows by at least the MTA raises an open call, which is
/// issued again for the new amount; met becomes settled once ledger, chain and custodian agree; a call not met
/// by the end of its cure period (delivery deadline + cure period after issue) defaults, and a
/// defaulted call is cured by being met.
/// A <see cref="MarginCallKind.Return"/> call is the venue's side: issued for the excess, it is
/// cancelled if the excess is gone before the custodian is instructed; once the desk accepts it the
/// custodian is instructed (<see cref="InstructionId"/>) and its execution meets the call. A return
/// never defaults.
/// </summary>
public sealed record MarginCall(
    Guid CallId,
    string DeskId,
    BigInteger Amount,
    BigInteger Delivered,
    DateTimeOffset IssuedAt,
    DateTimeOffset DeliveryDue,
    DateTimeOffset DefaultsAt,
    int TermsVersion,
    MarginCallState State,
    IReadOnlyList<MarginCallTransition> History,
    MarginCallKind Kind = MarginCallKind.Delivery,
    Guid? InstructionId = null)
{
    /// <summary>A new call for <paramref name="amount"/> under <paramref name="terms"/> (version <paramref name="termsVersion"/>).</summary>
    public static MarginCall Issue(Guid callId, string deskId, BigInteger amount, CreditSupportTerms terms, int termsVersion, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(terms);
        if (amount.Sign <= 0)
        {
            throw new InvalidFieldException("amount", "must be positive");
        }

        var due = at + terms.DeliveryDeadline;
        return new MarginCall(callId, deskId, amount, 0, at, due, due + terms.CurePeriod, termsVersion, MarginCallState.Issued,
            [new MarginCallTransition(MarginCallState.Issued, "margin engine", at, "collateral below the credit support amount", amount)]);
    }

    /// <summary>A return call for <paramref name="amount"/> of excess collateral; its deadlines are the terms' too (it never defaults).</summary>
    public static MarginCall IssueReturn(Guid callId, string deskId, BigInteger amount, CreditSupportTerms terms, int termsVersion, DateTimeOffset at, string reason)
    {
        var call = Issue(callId, deskId, amount, terms, termsVersion, at);
        return call with { Kind = MarginCallKind.Return, History = [call.History[0] with { Reason = reason }] };
    }

    public BigInteger Outstanding => BigInteger.Max(Amount - Delivered, 0);

    public bool IsOpen => State is not (MarginCallState.Met or MarginCallState.Settled or MarginCallState.Cancelled);

    /// <summary>A return call not yet instructed, withdrawn because the excess it would return is gone.</summary>
    public MarginCall Cancel(string actor, DateTimeOffset at, string reason) =>
        Kind == MarginCallKind.Return && InstructionId is null
            ? Move(MarginCallState.Cancelled, actor, at, reason, null, MarginCallState.Issued, MarginCallState.Disputed, MarginCallState.Acknowledged)
            : throw new InvalidStateException($"margin call {CallId} is {(Kind == MarginCallKind.Return ? "instructed already" : "a delivery")}: it cannot be cancelled");

    /// <summary>The return call's instruction to the custodian, once issued.</summary>
    public MarginCall Instructed(Guid instructionId) => this with { InstructionId = instructionId };

    public MarginCall Acknowledge(string actor, DateTimeOffset at, string reason) =>
        Move(MarginCallState.Acknowledged, actor, at, reason, null, MarginCallState.Issued, MarginCallState.Disputed);

    /// <summary>The desk disputes the call, stating the figure it believes is due.</summary>
    public MarginCall Dispute(string actor, DateTimeOffset at, string reason, BigInteger deskFigure)
    {
        if (deskFigure.Sign < 0)
        {
            throw new InvalidFieldException("desk_amount", "must not be negative");
        }

        return Move(MarginCallState.Disputed, actor, at, reason, deskFigure, MarginCallState.Issued, MarginCallState.Acknowledged);
    }

    /// <summary>A delivery the custodian confirmed: met when the whole amount is in, partially met before.</summary>
    public MarginCall Deliver(BigInteger amount, string actor, DateTimeOffset at, string reason)
    {
        if (amount.Sign <= 0)
        {
            throw new InvalidFieldException("amount", "must be positive");
        }

        var delivered = Delivered + amount;
        var to = delivered >= Amount ? MarginCallState.Met : MarginCallState.PartiallyMet;
        return Move(to, actor, at, reason, amount,
            MarginCallState.Issued, MarginCallState.Acknowledged, MarginCallState.Disputed, MarginCallState.PartiallyMet, MarginCallState.Defaulted) with { Delivered = delivered };
    }

    /// <summary>
    /// The shortfall grew past what the call still asks for: the call is raised by
    /// <paramref name="additional"/> and issued again, so the desk acknowledges (or disputes) the new
    /// figure. Its deadlines stay: an exposure that kept growing does not buy the desk more time. A
    /// defaulted call is not raised; it is already escalated, and once cured a new call covers the rest.
    /// </summary>
    public MarginCall Raise(BigInteger additional, string actor, DateTimeOffset at, string reason)
    {
        if (Kind != MarginCallKind.Delivery)
        {
            throw new InvalidStateException($"margin call {CallId} is a return: only a delivery is raised");
        }

        if (additional.Sign <= 0)
        {
            throw new InvalidFieldException("amount", "must be positive");
        }

        return Move(MarginCallState.Issued, actor, at, reason, Amount + additional,
            MarginCallState.Issued, MarginCallState.Acknowledged, MarginCallState.Disputed, MarginCallState.PartiallyMet) with { Amount = Amount + additional };
    }

    /// <summary>Records what happened to the call without changing its state (a close-out on default), for its history and the stream.</summary>
    public MarginCall Note(string actor, DateTimeOffset at, string reason, BigInteger? amount = null) =>
        this with { History = [.. History, new MarginCallTransition(State, actor, at, reason, amount)] };

    public MarginCall Settle(string actor, DateTimeOffset at, string reason) => Move(MarginCallState.Settled, actor, at, reason, null, MarginCallState.Met);

    /// <summary>The call as of <paramref name="now"/>: defaulted from the end of its cure period on, if still unmet; unchanged otherwise.</summary>
    public MarginCall AsOf(DateTimeOffset now) =>
        Kind == MarginCallKind.Delivery && now >= DefaultsAt && State is MarginCallState.Issued or MarginCallState.Acknowledged or MarginCallState.Disputed or MarginCallState.PartiallyMet
            ? Move(MarginCallState.Defaulted, "margin engine", DefaultsAt, $"{Outstanding} still outstanding at the end of the cure period", Outstanding,
                MarginCallState.Issued, MarginCallState.Acknowledged, MarginCallState.Disputed, MarginCallState.PartiallyMet)
            : this;

    private MarginCall Move(MarginCallState to, string actor, DateTimeOffset at, string reason, BigInteger? amount, params MarginCallState[] from)
    {
        if (!from.Contains(State))
        {
            throw new InvalidStateException($"margin call {CallId} is {State.ToString().ToLowerInvariant()}: it cannot become {to.ToString().ToLowerInvariant()}");
        }

        return this with { State = to, History = [.. History, new MarginCallTransition(to, actor, at, reason, amount)] };
    }
}
