using System.Numerics;

namespace MarginBench;

/// <summary>
/// One desk of the run: its long subaccount, its exposure at the start price (USDC units), how much its
/// exposure grows per price step, and the MTA and collateral that put its threshold half a step after
/// price move <see cref="Order"/> (its call comes with move Order + 1, and no other move calls it).
/// </summary>
internal sealed record BenchDesk(int Order, string DeskId, BigInteger SubaccountId, BigInteger StartExposure, BigInteger GrowthPerStep, BigInteger MinimumTransfer, BigInteger Collateral);
