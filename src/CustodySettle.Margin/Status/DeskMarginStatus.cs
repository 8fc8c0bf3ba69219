using System.Numerics;
using CustodySettle.Domain.Margin;
using CustodySettle.Margin.Terms;

namespace CustodySettle.Margin.Status;

/// <summary>
/// A desk's margin at one block: its terms, each position and collateral line, and the decision; and the
/// venue's initial margin (getMargin summed over its subaccounts) when it was read, null when not.
/// </summary>
public sealed record DeskMarginStatus(
    DeskTerms Terms, long BlockNumber, IReadOnlyList<PositionFigure> Positions, IReadOnlyList<CollateralFigure> Collateral, MarginDecision Decision,
    BigInteger? VenueInitialMargin);

/// <summary>One perp position of a linked subaccount (18 decimals) and its requirement (settlement units).</summary>
public sealed record PositionFigure(BigInteger SubaccountId, string Perp, BigInteger Size, BigInteger MarkPrice, BigInteger UnsettledCash, BigInteger Requirement);

/// <summary>What the ledger holds of one asset for the desk and what it counts for.</summary>
public sealed record CollateralFigure(string AssetCode, BigInteger Held, int ValuationBps, BigInteger Value, string Note);
