using System.Numerics;

namespace CustodySettle.Domain.Margin;

/// <summary>One change of a call's state: to what, who made it, when, why, and the amount it concerns
/// (a delivery, or the desk's own figure in a dispute).</summary>
public sealed record MarginCallTransition(MarginCallState To, string Actor, DateTimeOffset At, string Reason, BigInteger? Amount = null);
