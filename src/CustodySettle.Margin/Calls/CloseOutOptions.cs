using System.Numerics;

namespace CustodySettle.Margin.Calls;

/// <summary>
/// The close-out on default: off unless <see cref="VenueAccount"/> is set (<c>CS_CLOSEOUT_ACCOUNT</c>),
/// the venue's subaccount that takes over a defaulted desk's positions at the mark price. The service's
/// chain key must be a TradeExecutor executor.
/// </summary>
public sealed record CloseOutOptions(BigInteger? VenueAccount)
{
    public static CloseOutOptions Off { get; } = new((BigInteger?)null);
}
