using System.Numerics;

namespace CustodySettle.Chain.Tests.Contracts;

/// <summary>
/// The contracts' 18-decimal arithmetic redone in C# (contracts/src/libraries/FixedPoint.sol and
/// PerpAsset's funding), so tests compare chain figures with figures computed here. BigInteger
/// division truncates toward zero, as Solidity's does.
/// </summary>
internal static class FixedPoint
{
    public static readonly BigInteger One = BigInteger.Pow(10, 18);

    /// <summary>A whole number of units, e.g. Units(60_000) = 60,000e18.</summary>
    public static BigInteger Units(long units) => units * One;

    public static BigInteger MulDec(BigInteger a, BigInteger b) => a * b / One;

    public static BigInteger DivDec(BigInteger a, BigInteger b) => a * One / b;

    /// <summary>PerpAsset._fundingRate with a zero static rate: ((perp − index) / index) / convergence hours.</summary>
    public static BigInteger FundingRate(BigInteger perp, BigInteger index, int convergenceHours = 8) =>
        DivDec(perp - index, index) / convergenceHours;

    /// <summary>PerpAsset._fundingSince: rate x elapsed x index / (1 h x 1e18).</summary>
    public static BigInteger FundingAccrued(BigInteger rate, long seconds, BigInteger index) => rate * seconds * index / (3600 * One);

    /// <summary>An account's funding for an aggregate move: −size x Δaggregated.</summary>
    public static BigInteger Funding(BigInteger size, BigInteger aggregatedDelta) => -MulDec(size, aggregatedDelta);
}
