using System.Text.Json;
using CustodySettle.Chain.Primitives;

namespace CustodySettle.Chain.Contracts;

/// <summary>
/// Where the contracts live on one chain: the JSON file the deploy step (<c>scripts/contracts.sh
/// deploy</c>) writes, read by the service at start-up (docs/contracts.md describes the format).
/// </summary>
public sealed record ChainDeployment(long ChainId, Address Deployer, long BlockNumber, IReadOnlyDictionary<string, Address> Contracts)
{
    /// <summary>The address of the named contract; a missing name is a configuration error naming the file's contracts.</summary>
    public Address this[string name] => Contracts.TryGetValue(name, out var address)
        ? address
        : throw new KeyNotFoundException(
            $"The deployment has no contract '{name}' (it has: {string.Join(", ", Contracts.Keys.Order(StringComparer.Ordinal))}).");

    /// <summary>Reads a deployment file.</summary>
    public static async Task<ChainDeployment> LoadAsync(string path, CancellationToken ct)
    {
        await using var stream = File.OpenRead(path);
        using var document = await JsonDocument.ParseAsync(stream, cancellationToken: ct).ConfigureAwait(false);
        return Parse(document.RootElement, path);
    }

    /// <summary>Parses the deployment JSON; <paramref name="source"/> names it in errors.</summary>
    public static ChainDeployment Parse(JsonElement root, string source)
    {
        try
        {
            var contracts = new Dictionary<string, Address>(StringComparer.Ordinal);
            foreach (var property in root.GetProperty("contracts").EnumerateObject())
            {
                contracts[property.Name] = Address.Parse(property.Value.GetString() ?? string.Empty);
            }

            return new ChainDeployment(
                root.GetProperty("chainId").GetInt64(),
                Address.Parse(root.GetProperty("deployer").GetString() ?? string.Empty),
                root.GetProperty("blockNumber").GetInt64(),
                contracts);
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new FormatException($"{source} is not a deployment file: {e.Message}", e);
        }
    }
}
