using System.Globalization;
using System.Text.Json.Nodes;
using CustodySettle.Chain.Primitives;
using CustodySettle.Chain.Rpc;

namespace ChainBench.Seeding;

/// <summary>
/// <c>seed</c>: seeds the subaccounts (anvil runs with a raised block gas limit for it), writes them to
/// --accounts-file, then sets the block gas limit to --read-gas-limit (anvil's default, 30M, which is
/// also anvil's eth_call gas cap) and mines a block, so the reads run under a realistic cap.
/// </summary>
internal static class SeedCommand
{
    public static async Task<int> RunAsync(BenchOptions options, CancellationToken ct)
    {
        using var chain = await ChainSetup.OpenAsync(options, countMethods: false, ct);
        using var owner = chain.Owner();
        var accounts = options.Int("--accounts", 10_000);
        var seeder = new SubaccountSeeder(chain.Contracts, owner, BenchArtifacts.Seeder(chain.Contracts.Artifacts));
        var result = await seeder.SeedAsync(accounts, options.Int("--per-transaction", 400), ct);
        Console.WriteLine(result);
        if (result.Accounts.Count != accounts || result.Accounts.Select((a, i) => a.Index != i).Any(wrong => wrong))
        {
            await Console.Error.WriteLineAsync($"seeded {result.Accounts.Count} accounts, not indexes 0 to {accounts - 1}");
            return 1;
        }

        await AccountsFile.WriteAsync(options.Required("--accounts-file"), result.Accounts, ct);

        var gasLimit = options.Int("--read-gas-limit", 30_000_000);
        await chain.Rpc.Rpc.CallAsync(JsonRpcRequest.Create("anvil_setBlockGasLimit", (JsonNode)Hex.EncodeQuantity(gasLimit)), ct);
        await chain.Rpc.Rpc.CallAsync(JsonRpcRequest.Create("evm_mine"), ct);
        var head = await chain.Rpc.Eth.GetBlockByNumberAsync(BlockTag.Latest, ct) ?? throw new InvalidOperationException("no head");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"chain head={head.Number} gas_limit={head.GasLimit}"));
        return head.GasLimit == gasLimit ? 0 : 1;
    }
}
