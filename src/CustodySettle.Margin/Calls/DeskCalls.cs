using CustodySettle.Domain.Margin;

namespace CustodySettle.Margin.Calls;

/// <summary>A desk's calls as a pass finds them: its open delivery and return calls, and its met calls not yet settled (with when each was met).</summary>
public sealed record DeskCalls(MarginCall? Delivery, MarginCall? Return, IReadOnlyList<(Guid CallId, DateTimeOffset MetAt)> Met)
{
    public static DeskCalls None { get; } = new(null, null, []);
}
