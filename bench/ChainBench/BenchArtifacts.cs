using CustodySettle.Chain.Abi;
using CustodySettle.Chain.Contracts;

namespace ChainBench;

/// <summary>
/// The bench-only contracts of contracts/test/bench (forge compiles the test folder into the same out
/// folder as the product's contracts).
/// </summary>
internal static class BenchArtifacts
{
    public static ContractArtifact Seeder(ContractArtifacts artifacts) => Load(artifacts, "BenchSeeder");

    public static ContractArtifact Emitter(ContractArtifacts artifacts) => Load(artifacts, "BenchEmitter");

    private static ContractArtifact Load(ContractArtifacts artifacts, string name)
    {
        var path = Path.Combine(artifacts.Folder, name + ".sol", name + ".json");
        return File.Exists(path)
            ? ContractArtifact.Load(path)
            : throw new FileNotFoundException($"No {path}: run `scripts/contracts.sh build` (it compiles contracts/test/bench too).", path);
    }
}
