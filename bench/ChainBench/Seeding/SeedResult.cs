using System.Globalization;
using CustodySettle.Chain.Primitives;

namespace ChainBench.Seeding;

/// <summary>What seeding did and how long it took (not a measured step).</summary>
internal sealed record SeedResult(Address Seeder, IReadOnlyList<SeededAccount> Accounts, int Transactions, long GasUsed, TimeSpan Elapsed)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"seed accounts={Accounts.Count} transactions={Transactions} gas={GasUsed} gas_per_account={GasUsed / Math.Max(1, Accounts.Count)} " +
        $"seconds={Elapsed.TotalSeconds:F1} seeder={Seeder}");
}
