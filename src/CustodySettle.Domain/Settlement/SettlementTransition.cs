using System.Numerics;

namespace CustodySettle.Domain.Settlement;

/// <summary>One change of a settlement's state: to what, who, when, why, and the amount it concerns
/// (the net when computed, the desk's own figure in a dispute).</summary>
public sealed record SettlementTransition(SettlementState To, string Actor, DateTimeOffset At, string Reason, BigInteger? Amount = null);
