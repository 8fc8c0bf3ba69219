using System.Numerics;
using CustodySettle.Domain.Errors;

namespace CustodySettle.Domain.Settlement;

/// <summary>
/// A desk's settlement of one cycle, immutable: every transition returns the next settlement and
/// records who, when and why; one the state does not allow throws <see cref="InvalidStateException"/>.
/// Pending for its dispute window, it becomes final when the window ends (exactly then) or when the desk
/// or an operator approves it early. The desk may dispute it inside the window, stating its own figure;
/// a disputed settlement is held, past the window too, until an operator approves it (as the custodian
/// platforms' settlement windows do). <see cref="Net"/> is in the settlement asset's smallest unit,
/// positive when the desk receives.
/// </summary>
public sealed record DeskSettlement(
    Guid SettlementId,
    Guid CycleId,
    string DeskId,
    string? CustodianId,
    string AssetCode,
    BigInteger Pnl,
    BigInteger Funding,
    BigInteger Net,
    DateTimeOffset WindowEndsAt,
    SettlementState State,
    BigInteger? DeskFigure,
    Guid? InstructionId,
    IReadOnlyList<SettlementTransition> History)
{
    /// <summary>The actor of the transitions the service makes itself.</summary>
    public const string Engine = "settlement engine";

    /// <summary>A new pending settlement of <paramref name="net"/>, computed at <paramref name="at"/>.</summary>
    public static DeskSettlement Compute(
        Guid settlementId, Guid cycleId, DeskNet net, string? custodianId, string assetCode, DateTimeOffset at, TimeSpan disputeWindow, string reason)
    {
        ArgumentNullException.ThrowIfNull(net);
        ArgumentOutOfRangeException.ThrowIfLessThan(disputeWindow, TimeSpan.Zero);
        return new DeskSettlement(settlementId, cycleId, net.DeskId, custodianId, assetCode, net.Pnl, net.Funding, net.Net, at + disputeWindow,
            SettlementState.Pending, null, null, [new SettlementTransition(SettlementState.Pending, Engine, at, reason, net.Net)]);
    }

    /// <summary>Whether an instruction moves money: a final, non-zero settlement with a custodian to execute it.</summary>
    public bool NeedsInstruction => State == SettlementState.Final && Net.Sign != 0 && CustodianId is not null && InstructionId is null;

    /// <summary>The desk disputes the figure inside the window, stating what it believes the net is (signed, as <see cref="Net"/>).</summary>
    public DeskSettlement Dispute(string actor, DateTimeOffset at, string reason, BigInteger deskFigure)
    {
        if (State == SettlementState.Disputed && DeskFigure == deskFigure)
        {
            return this; // a retry of the same dispute
        }

        if (at >= WindowEndsAt && State == SettlementState.Pending)
        {
            throw new InvalidStateException($"settlement {SettlementId}'s dispute window ended at {WindowEndsAt:O}");
        }

        return Move(SettlementState.Disputed, actor, at, reason, deskFigure, SettlementState.Pending) with { DeskFigure = deskFigure };
    }

    /// <summary>
    /// Final before the window ends. A desk approves only a pending settlement; a disputed one is resolved
    /// by an operator (<paramref name="byOperator"/>), on the figure computed from the chain. Approving a
    /// final settlement changes nothing, so a retried approval answers as the first did.
    /// </summary>
    public DeskSettlement Approve(string actor, DateTimeOffset at, string reason, bool byOperator) =>
        State == SettlementState.Final ? this // a retry, or the window ended first: final either way
        : byOperator
            ? Move(SettlementState.Final, actor, at, reason, null, SettlementState.Pending, SettlementState.Disputed)
            : Move(SettlementState.Final, actor, at, reason, null, SettlementState.Pending);

    /// <summary>The settlement as of <paramref name="now"/>: final from the end of its window on if still pending (undisputed); unchanged otherwise.</summary>
    public DeskSettlement AsOf(DateTimeOffset now) =>
        State == SettlementState.Pending && now >= WindowEndsAt
            ? Move(SettlementState.Final, Engine, WindowEndsAt, "dispute window ended undisputed", null, SettlementState.Pending)
            : this;

    /// <summary>The instruction that carries it out, once issued.</summary>
    public DeskSettlement Instructed(Guid instructionId) => this with { InstructionId = instructionId };

    private DeskSettlement Move(SettlementState to, string actor, DateTimeOffset at, string reason, BigInteger? amount, params SettlementState[] from)
    {
        if (!from.Contains(State))
        {
            throw new InvalidStateException($"settlement {SettlementId} is {State.ToString().ToLowerInvariant()}: it cannot become {to.ToString().ToLowerInvariant()}");
        }

        return this with { State = to, History = [.. History, new SettlementTransition(to, actor, at, reason, amount)] };
    }
}
