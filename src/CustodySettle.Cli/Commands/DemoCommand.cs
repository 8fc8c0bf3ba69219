using System.CommandLine;
using CustodySettle.Cli.Demo;

namespace CustodySettle.Cli.Commands;

/// <summary>
/// <c>demo</c>: plays the whole lifecycle on a local stack (the README's run command does it after the
/// service is up): it acts as the operator with the key it is given, as the venue through anvil's dev
/// accounts, and as the desks, custodian and auditor through keys it issues and saves.
/// </summary>
internal static class DemoCommand
{
    public static Command Build(CliConsole console)
    {
        var rpc = new Option<string>("--rpc-url")
        {
            Description = "anvil's JSON-RPC address (env CS_ANVIL_URL)",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("CS_ANVIL_URL") ?? "http://127.0.0.1:8545",
        };
        var deployment = new Option<string>("--deployment")
        {
            Description = "The deployment's addresses (env CS_DEPLOYMENT_FILE; scripts/run.sh writes .stack/deployment.json)",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("CS_DEPLOYMENT_FILE") ?? ".stack/deployment.json",
        };
        var contracts = new Option<string>("--contracts-out")
        {
            Description = "forge's build output, for the ABIs (env CS_CONTRACTS_OUT)",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("CS_CONTRACTS_OUT") ?? "contracts/out",
        };
        var keys = new Option<string>("--keys-dir")
        {
            Description = "Where the demo saves the keys it issues (desks, custodian, auditor)",
            DefaultValueFactory = _ => ".stack/demo-keys",
        };
        var command = new Command("demo", "Play the custody lifecycle on a local stack's fresh database: statement, mint, reconciliation, margin call, top-up, settlement cycle")
        {
            rpc, deployment, contracts, keys,
        };
        CommandRun.Bind(command, console, async run =>
        {
            if (!Uri.TryCreate(run.Value(rpc), UriKind.Absolute, out var rpcUrl))
            {
                throw new CliException(ExitCodes.Usage, $"--rpc-url: '{run.Value(rpc)}' is not an address");
            }

            using var chain = await DemoChain.OpenAsync(rpcUrl, run.Value(deployment), run.Value(contracts), run.Cancellation);
            await new DemoScript(run, chain, run.Value(keys)).PlayAsync();
            return ExitCodes.Ok;
        });
        return command;
    }
}
