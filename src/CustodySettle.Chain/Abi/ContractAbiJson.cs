using System.Text.Json;

namespace CustodySettle.Chain.Abi;

/// <summary>
/// Reads the JSON ABI (ABI spec, "JSON"): an array of entries typed "function" (the default when
/// "type" is missing), "constructor", "receive", "fallback", "event" or "error". Tuple inputs have
/// type "tuple" plus array suffixes and their members in "components".
/// </summary>
internal static class ContractAbiJson
{
    public static ContractAbi Read(JsonElement array)
    {
        if (array.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException($"A JSON ABI is an array, not {array.ValueKind}.");
        }

        var functions = new List<AbiFunction>();
        var events = new List<AbiEvent>();
        var errors = new List<AbiError>();
        var constructorInputs = new List<AbiParameter>();
        var index = 0;
        foreach (var entry in array.EnumerateArray())
        {
            var kind = GetString(entry, "type") ?? "function";
            var name = GetString(entry, "name") ?? "";
            try
            {
                switch (kind)
                {
                    case "function":
                        functions.Add(new AbiFunction(name, ReadParameters(entry, "inputs"), ReadParameters(entry, "outputs"), ReadMutability(entry)));
                        break;
                    case "event":
                        events.Add(new AbiEvent(name, ReadParameters(entry, "inputs"), GetBool(entry, "anonymous")));
                        break;
                    case "error":
                        errors.Add(new AbiError(name, ReadParameters(entry, "inputs")));
                        break;
                    case "constructor":
                        constructorInputs.AddRange(ReadParameters(entry, "inputs"));
                        break;
                    case "receive" or "fallback":
                        break;
                    default:
                        throw new FormatException($"unknown entry type '{kind}'");
                }
            }
            catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException)
            {
                throw new FormatException($"JSON ABI entry {index} ({kind} '{name}'): {e.Message}", e);
            }

            index++;
        }

        return new ContractAbi(functions, events, errors, constructorInputs);
    }

    private static List<AbiParameter> ReadParameters(JsonElement entry, string property) =>
        entry.TryGetProperty(property, out var list) && list.ValueKind == JsonValueKind.Array
            ? [.. list.EnumerateArray().Select(ReadParameter)]
            : [];

    private static AbiParameter ReadParameter(JsonElement element)
    {
        var type = GetString(element, "type") ?? throw new FormatException("a parameter has no \"type\"");
        var components = ReadParameters(element, "components");
        var abiType = type.StartsWith("tuple", StringComparison.Ordinal)
            ? AbiTypeParser.ApplySuffixes(AbiType.TupleOf(components.Select(c => c.Type)), type["tuple".Length..])
            : AbiType.Parse(type);
        return new AbiParameter(GetString(element, "name") ?? "", abiType, GetBool(element, "indexed"), GetString(element, "internalType"), components);
    }

    private static AbiStateMutability ReadMutability(JsonElement entry) => GetString(entry, "stateMutability") switch
    {
        "pure" => AbiStateMutability.Pure,
        "view" => AbiStateMutability.View,
        "payable" => AbiStateMutability.Payable,
        "nonpayable" => AbiStateMutability.NonPayable,
        // Solidity before 0.5 wrote "constant" and "payable" booleans instead.
        null => GetBool(entry, "constant") ? AbiStateMutability.View
            : GetBool(entry, "payable") ? AbiStateMutability.Payable
            : AbiStateMutability.NonPayable,
        var other => throw new FormatException($"unknown stateMutability '{other}'"),
    };

    private static string? GetString(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static bool GetBool(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.True;
}
