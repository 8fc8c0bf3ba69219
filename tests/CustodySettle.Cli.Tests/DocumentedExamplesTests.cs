using System.Text;
using System.Text.RegularExpressions;
using CustodySettle.Server;
using CustodySettle.Testing;

namespace CustodySettle.Cli.Tests;

/// <summary>
/// Every CLI example in docs/cli.md (each line of its <c>sh</c> blocks), run in order against the
/// service after the demo has played on a private anvil, as a reader would type them: each must exit
/// with the code its trailing <c># exit N</c> names, 0 when it names none. Paths under <c>.stack/</c>
/// and the CSV files resolve in a folder of the test's own; <c>$CS_PG_CONNECTION</c> is its database.
/// </summary>
public sealed partial class DocumentedExamplesTests(DeployedAnvilFixture fixture) : IClassFixture<DeployedAnvilFixture>, IAsyncLifetime, IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("cs-cli-docs-").FullName;
    private CliHarness _cli = null!;

    public async Task InitializeAsync()
    {
        _cli = await CliHarness.StartAsync(new ChainSettings
        {
            RpcUrl = fixture.Anvil.RpcUrl,
            DeploymentFile = fixture.DeploymentFile,
            MinterKey = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80", // anvil's first dev key, the deployer
            ContractsOut = RepositoryPaths.Combine("contracts", "out"),
            FinalityDepth = 1,
            MirrorInterval = TimeSpan.FromMilliseconds(200),
            MarginInterval = TimeSpan.FromMilliseconds(50),
        });
        Directory.CreateDirectory(Path.Combine(_root, ".stack"));
        await File.WriteAllTextAsync(Path.Combine(_root, ".stack", "operator.key"), _cli.OperatorKey);
        var demo = await _cli.OperatorAsync("demo", "--rpc-url", fixture.Anvil.RpcUrl.ToString(), "--deployment", fixture.DeploymentFile,
            "--contracts-out", RepositoryPaths.Combine("contracts", "out"), "--keys-dir", Path.Combine(_root, ".stack", "demo-keys"));
        Assert.True(demo.ExitCode == 0, demo.ToString());
    }

    public async Task DisposeAsync() => await _cli.DisposeAsync();

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task EveryExampleInTheCliGuide_ExitsAsDocumented()
    {
        var (examples, statement) = Parse(await File.ReadAllTextAsync(RepositoryPaths.Combine("docs", "cli.md")));
        await File.WriteAllTextAsync(Path.Combine(_root, "statement.csv"), statement);
        var failures = new List<string>();

        foreach (var (line, expected) in examples)
        {
            var run = await CliHarness.RunAsync(["--server", _cli.Address.ToString(), .. Words(line).Skip(1).Select(Resolve)]);
            if (run.ExitCode != expected)
            {
                failures.Add($"{line}\n  expected exit {expected}, got {run}");
            }
        }

        Assert.True(examples.Count >= 30, $"only {examples.Count} examples found in docs/cli.md");
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
        Assert.StartsWith("record,account_id,asset_code", await File.ReadAllTextAsync(Path.Combine(_root, "alpha-statement.csv")), StringComparison.Ordinal);
    }

    /// <summary>The sh blocks' command lines with their expected exit codes, and the statement.csv text block.</summary>
    private static (List<(string Line, int Exit)> Examples, string Statement) Parse(string markdown)
    {
        var examples = new List<(string, int)>();
        var statement = new StringBuilder();
        string? block = null;
        foreach (var raw in markdown.Split('\n'))
        {
            var line = raw.TrimEnd();
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                block = block is null ? line[3..] : null;
                continue;
            }

            if (block == "sh" && line.StartsWith("custodysettle ", StringComparison.Ordinal))
            {
                var exit = ExitComment().Match(line);
                examples.Add((exit.Success ? line[..exit.Index].TrimEnd() : line, exit.Success ? int.Parse(exit.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0));
            }
            else if (block == "text" && (line.StartsWith("desk_id,", StringComparison.Ordinal) || (statement.Length > 0 && line.Contains(",USDC,", StringComparison.Ordinal))))
            {
                statement.AppendLine(line);
            }
        }

        return (examples, statement.ToString());
    }

    /// <summary>A reader's shell words: blanks separate them, double quotes group them, $CS_PG_CONNECTION expands.</summary>
    private IEnumerable<string> Words(string line)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var quoted = false;
        var any = false;
        foreach (var c in line)
        {
            if (c == '"')
            {
                (quoted, any) = (!quoted, true);
            }
            else if (c == ' ' && !quoted)
            {
                if (any)
                {
                    words.Add(word.ToString());
                }

                (word, any) = (new StringBuilder(), false);
            }
            else
            {
                (_, any) = (word.Append(c), true);
            }
        }

        if (any)
        {
            words.Add(word.ToString());
        }

        return words.Select(w => w == "$CS_PG_CONNECTION" ? _cli.Database.ConnectionString : w);
    }

    /// <summary>A path the guide gives relative to the repository (.stack/..., *.csv), in the test's folder instead.</summary>
    private string Resolve(string word) =>
        word.StartsWith(".stack/", StringComparison.Ordinal) || word.EndsWith(".csv", StringComparison.Ordinal) ? Path.Combine(_root, word) : word;

    [GeneratedRegex(@"#\s*exit\s+(\d+)\s*$")]
    private static partial Regex ExitComment();
}
