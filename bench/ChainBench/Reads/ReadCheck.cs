using System.Numerics;
using ChainBench.Seeding;

namespace ChainBench.Reads;

/// <summary>
/// The bench fails unless every run of both paths returned identical values, and the values the seeder
/// fixed (position, cash, collateral, wallet balance) are what it set; initial margin must be below
/// maintenance margin (IM rate 6.6 % above MM's 5 %).
/// </summary>
internal static class ReadCheck
{
    /// <summary>Null when all is well; otherwise the first problem found.</summary>
    public static string? Compare(BigInteger[][] reference, BigInteger[][] other, IReadOnlyList<SeededAccount> accounts, ValueSet set, string what)
    {
        for (var i = 0; i < accounts.Count; i++)
        {
            for (var v = 0; v < set.Values.Count; v++)
            {
                if (reference[i][v] != other[i][v])
                {
                    return $"{what}: account {accounts[i].AccountId} {set.Values[v]} is {other[i][v]}, the reference read {reference[i][v]}";
                }
            }
        }

        return null;
    }

    /// <summary>Checks <paramref name="values"/> against what BenchSeeder set; returns the number of values checked, or throws.</summary>
    public static int Expected(BigInteger[][] values, IReadOnlyList<SeededAccount> accounts, ValueSet set)
    {
        var checkedValues = 0;
        var im = IndexOf(set, "initial_margin");
        var mm = IndexOf(set, "maintenance_margin");
        for (var i = 0; i < accounts.Count; i++)
        {
            var index = accounts[i].Index;
            for (var v = 0; v < set.Values.Count; v++)
            {
                BigInteger? expected = set.Values[v] switch
                {
                    "perp_position" => ExpectedState.PerpPosition(index),
                    "cash" => ExpectedState.Cash(index),
                    "collateral" => ExpectedState.Collateral(index),
                    "token_balance" => ExpectedState.TokenBalance(index),
                    _ => null,
                };
                if (expected is { } e && values[i][v] != e)
                {
                    throw new InvalidOperationException($"account {accounts[i].AccountId} (seed index {index}) {set.Values[v]} is {values[i][v]}, the seeder set {e}");
                }

                checkedValues += expected is null ? 0 : 1;
            }

            if (im >= 0 && mm >= 0 && values[i][im] >= values[i][mm])
            {
                throw new InvalidOperationException($"account {accounts[i].AccountId}: initial margin {values[i][im]} is not below maintenance margin {values[i][mm]}");
            }
        }

        return checkedValues;
    }

    private static int IndexOf(ValueSet set, string value) => set.Values.ToList().IndexOf(value);
}
