using System.Globalization;
using System.Numerics;
using CustodySettle.Chain.Primitives;

namespace ChainBench.Seeding;

/// <summary>The seeded accounts, one tab-separated line each (index, account id, holder, token), passed from seed to reads.</summary>
internal static class AccountsFile
{
    public static async Task WriteAsync(string path, IReadOnlyList<SeededAccount> accounts, CancellationToken ct)
    {
        var lines = accounts.Select(a => string.Create(CultureInfo.InvariantCulture, $"{a.Index}\t{a.AccountId}\t{a.Holder}\t{a.Token}"));
        await File.WriteAllLinesAsync(path, lines, ct);
    }

    public static async Task<IReadOnlyList<SeededAccount>> ReadAsync(string path, CancellationToken ct)
    {
        var lines = await File.ReadAllLinesAsync(path, ct);
        return [.. lines.Where(l => l.Length > 0).Select(Parse)];
    }

    private static SeededAccount Parse(string line)
    {
        var f = line.Split('\t');
        return new SeededAccount(
            int.Parse(f[0], CultureInfo.InvariantCulture), BigInteger.Parse(f[1], CultureInfo.InvariantCulture), Address.Parse(f[2]), Address.Parse(f[3]));
    }
}
