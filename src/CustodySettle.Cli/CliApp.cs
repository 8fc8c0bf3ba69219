using System.CommandLine;
using CustodySettle.Cli.Commands;

namespace CustodySettle.Cli;

/// <summary>
/// The <c>custodysettle</c> command line: <c>operator</c>, <c>desk</c>, <c>custodian</c> and <c>auditor</c>
/// groups (docs/cli.md). A wrong command line prints why and the usage, and exits 2 (<see cref="ExitCodes"/>).
/// </summary>
internal static class CliApp
{
    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken ct)
    {
        var root = Build(console);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await console.Error.WriteLineAsync($"error: {error.Message}");
            }

            await console.Error.WriteLineAsync($"see: custodysettle {string.Join(' ', CommandPath(parse))} --help");
            return ExitCodes.Usage;
        }

        return await parse.InvokeAsync(new InvocationConfiguration { Output = console.Raw, Error = console.Error, EnableDefaultExceptionHandler = false }, ct);
    }

    public static RootCommand Build(CliConsole console)
    {
        var root = new RootCommand("CustodySettle: collateral, margin and settlement for desks, custodians, auditors and operators");
        GlobalOptions.AddTo(root);
        root.Subcommands.Add(OperatorCommands.Build(console));
        root.Subcommands.Add(DeskCommands.Build(console));
        root.Subcommands.Add(CustodianCommands.Build(console));
        root.Subcommands.Add(AuditorCommands.Build(console));
        root.Subcommands.Add(DemoCommand.Build(console));
        return root;
    }

    private static List<string> CommandPath(ParseResult parse)
    {
        var names = new List<string>();
        for (var result = parse.CommandResult; result is not null && result.Command is not RootCommand; result = result.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Insert(0, result.Command.Name);
        }

        return names;
    }
}
