using System.Text.Json;
using CustodySettle.Chain.Primitives;

namespace CustodySettle.Chain.Abi;

/// <summary>
/// A compiled contract from forge's <c>out/X.sol/X.json</c>: the ABI and the creation bytecode
/// (<c>"bytecode": {"object": "0x..."}</c>; hardhat's plain <c>"bytecode": "0x..."</c> is read too).
/// </summary>
public sealed class ContractArtifact
{
    private readonly byte[] _bytecode;

    private ContractArtifact(ContractAbi abi, byte[] bytecode)
    {
        Abi = abi;
        _bytecode = bytecode;
    }

    public ContractAbi Abi { get; }

    /// <summary>The creation (init) code; empty for interfaces and abstract contracts.</summary>
    public ReadOnlyMemory<byte> Bytecode => _bytecode;

    public static ContractArtifact Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("abi", out var abi))
        {
            throw new FormatException("A contract artifact is a JSON object with an \"abi\" array.");
        }

        return new ContractArtifact(ContractAbi.FromJson(abi), ReadBytecode(root));
    }

    /// <summary>Reads an artifact file (at startup or in tests; use <see cref="LoadAsync"/> on a request path).</summary>
    public static ContractArtifact Load(string path) => Parse(File.ReadAllText(path));

    public static async Task<ContractArtifact> LoadAsync(string path, CancellationToken ct) =>
        Parse(await File.ReadAllTextAsync(path, ct));

    /// <summary>The data of a deployment transaction: the bytecode then the encoded constructor arguments.</summary>
    public byte[] EncodeDeployment(params object?[] constructorArgs)
    {
        if (_bytecode.Length == 0)
        {
            throw new InvalidOperationException("The artifact has no bytecode (an interface or abstract contract).");
        }

        return [.. _bytecode, .. Abi.EncodeConstructorArguments(constructorArgs)];
    }

    private static byte[] ReadBytecode(JsonElement root)
    {
        if (!root.TryGetProperty("bytecode", out var bytecode))
        {
            return [];
        }

        var hex = bytecode.ValueKind == JsonValueKind.Object && bytecode.TryGetProperty("object", out var obj) ? obj.GetString()
            : bytecode.ValueKind == JsonValueKind.String ? bytecode.GetString()
            : null;
        if (string.IsNullOrEmpty(hex) || hex == "0x")
        {
            return [];
        }

        if (hex.Contains("__", StringComparison.Ordinal))
        {
            throw new FormatException("The bytecode has unlinked library placeholders (__$...$__); link the libraries first.");
        }

        return Hex.TryDecode(hex.StartsWith("0x", StringComparison.Ordinal) ? hex : "0x" + hex, out var bytes)
            ? bytes
            : throw new FormatException("The artifact's bytecode is not hex.");
    }
}
