using System.Collections.Concurrent;
using CustodySettle.Chain.Abi;

namespace CustodySettle.Chain.Contracts;

/// <summary>
/// The compiled contracts (forge's <c>contracts/out/&lt;File&gt;.sol/&lt;Contract&gt;.json</c>, docs/contracts.md
/// "Artifacts"), loaded once per kind and cached. The folder is <c>CS_CONTRACTS_OUT</c> when set, else the
/// <c>contracts/out</c> of the checkout found above the binaries or the working directory.
/// </summary>
public sealed class ContractArtifacts
{
    /// <summary>The environment variable naming the artifacts folder.</summary>
    public const string FolderVariable = "CS_CONTRACTS_OUT";

    private static readonly Lazy<ContractArtifacts> LazyDefault = new(() => new ContractArtifacts(LocateDefaultFolder()));
    private readonly ConcurrentDictionary<ContractKind, Lazy<ContractArtifact>> _loaded = new();

    /// <param name="folder">forge's output folder (the one holding <c>SubAccounts.sol/</c>).</param>
    public ContractArtifacts(string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        Folder = Path.GetFullPath(folder);
    }

    /// <summary>The artifacts of this checkout (or of <c>CS_CONTRACTS_OUT</c>).</summary>
    public static ContractArtifacts Default => LazyDefault.Value;

    public string Folder { get; }

    /// <summary>The artifact of <paramref name="kind"/>; a missing file says how to build it.</summary>
    public ContractArtifact Get(ContractKind kind) =>
        _loaded.GetOrAdd(kind, k => new Lazy<ContractArtifact>(() => Load(k), LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    /// <summary>The ABI of <paramref name="kind"/>.</summary>
    public ContractAbi Abi(ContractKind kind) => Get(kind).Abi;

    /// <summary>The artifact's path below <see cref="Folder"/>, e.g. <c>PerpAsset.sol/PerpAsset.json</c>.</summary>
    public static string RelativePath(ContractKind kind)
    {
        var name = kind switch
        {
            ContractKind.MockUsdc => "MockUSDC",
            _ => kind.ToString(),
        };
        return Path.Combine(name + ".sol", name + ".json");
    }

    private ContractArtifact Load(ContractKind kind)
    {
        var path = Path.Combine(Folder, RelativePath(kind));
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"The {kind} artifact is missing ({path}); run `scripts/contracts.sh build` (or point {FolderVariable} at forge's out folder).", path);
        }

        return ContractArtifact.Load(path);
    }

    private static string LocateDefaultFolder() =>
        LocateFolder(Environment.GetEnvironmentVariable(FolderVariable), [AppContext.BaseDirectory, Environment.CurrentDirectory]);

    /// <summary>The configured folder, else <c>contracts/out</c> of the first checkout above one of <paramref name="starts"/>.</summary>
    internal static string LocateFolder(string? configured, IReadOnlyList<string> starts)
    {
        if (!string.IsNullOrEmpty(configured))
        {
            return configured;
        }

        foreach (var start in starts)
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "CustodySettle.sln")))
                {
                    return Path.Combine(dir.FullName, "contracts", "out");
                }
            }
        }

        throw new DirectoryNotFoundException(
            $"No CustodySettle.sln above {string.Join(" or ", starts)}: set {FolderVariable} to forge's out folder "
            + "(built by `scripts/contracts.sh build`).");
    }
}
