using System.Globalization;
using System.Numerics;
using CustodySettle.Domain.Margin;

namespace CustodySettle.Margin.Calls;

/// <summary>margin_calls as Dapper reads it (the history comes from margin_call_events).</summary>
internal sealed record MarginCallRow(
    Guid CallId, string DeskId, string Amount, string Delivered, DateTime IssuedAt, DateTime DeliveryDue, DateTime DefaultsAt, int TermsVersion, string State,
    string Kind, Guid? InstructionId)
{
    public MarginCall ToCall(IReadOnlyList<MarginCallTransition> history) => new(
        CallId, DeskId, Rows.Amount(Amount), Rows.Amount(Delivered), Rows.Utc(IssuedAt), Rows.Utc(DeliveryDue), Rows.Utc(DefaultsAt), TermsVersion,
        Enum.Parse<MarginCallState>(State, ignoreCase: true), history, Enum.Parse<MarginCallKind>(Kind, ignoreCase: true), InstructionId);
}

internal sealed record TransitionRow(string State, string Actor, DateTime At, string Reason, string? Amount)
{
    public MarginCallTransition ToTransition() =>
        new(Enum.Parse<MarginCallState>(State, ignoreCase: true), Actor, Rows.Utc(At), Reason, Amount is null ? null : Rows.Amount(Amount));
}

/// <summary>One transition in the order it was recorded, for watchers.</summary>
public sealed record MarginCallEvent(long Sequence, Guid CallId, string DeskId, MarginCallTransition Transition);

internal sealed record EventRow(long Sequence, Guid CallId, string DeskId, string State, string Actor, DateTime At, string Reason, string? Amount)
{
    public MarginCallEvent ToEvent() => new(Sequence, CallId, DeskId, new TransitionRow(State, Actor, At, Reason, Amount).ToTransition());
}

internal static class Rows
{
    public static BigInteger Amount(string text) => BigInteger.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);

    public static DateTimeOffset Utc(DateTime time) => new(DateTime.SpecifyKind(time, DateTimeKind.Utc));

    public static string Name(MarginCallState state) => state.ToString().ToLowerInvariant();

    public static string Name(MarginCallKind kind) => kind.ToString().ToLowerInvariant();
}
