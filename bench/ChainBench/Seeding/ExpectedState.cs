using System.Numerics;

namespace ChainBench.Seeding;

/// <summary>
/// What BenchSeeder gave subaccount <c>i</c> (its <c>*Of</c> views, contracts/test/bench/BenchSeeder.sol),
/// in SubAccounts' 18 decimals except the wallet's token balance (the token's 8): the reads are checked
/// against it. Cash: the deposit minus (price − mark) x size, the cash the trade moved to the counterparty.
/// </summary>
internal static class ExpectedState
{
    private static readonly BigInteger E6 = BigInteger.Pow(10, 6);
    private static readonly BigInteger E10 = BigInteger.Pow(10, 10);
    private static readonly BigInteger E12 = BigInteger.Pow(10, 12);
    private static readonly BigInteger E15 = BigInteger.Pow(10, 15);
    private static readonly BigInteger E16 = BigInteger.Pow(10, 16);

    public static BigInteger PerpPosition(int i)
    {
        var size = E16 + (i % 100 * E15);
        return i % 2 == 0 ? size : -size;
    }

    /// <summary>(10,000 + i) USDC deposited, less (i mod 7) USD x size paid over the mark.</summary>
    public static BigInteger Cash(int i) => ((10_000 + i) * E6 * E12) - (i % 7 * PerpPosition(i));

    /// <summary>0.02 BTC + i satoshi deposited (8 decimals, scaled to 18).</summary>
    public static BigInteger Collateral(int i) => ((2 * E6) + i) * E10;

    /// <summary>0.01 BTC + i satoshi in the holder's wallet (the token's 8 decimals).</summary>
    public static BigInteger TokenBalance(int i) => E6 + i;
}
