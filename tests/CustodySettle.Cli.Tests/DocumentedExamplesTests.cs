using System.Text;
using CustodySettle.Testing;

namespace CustodySettle.Cli.Tests;

/// <summary>
/// Every CLI example in docs/cli.md (each line of its <c>sh</c> blocks), run in order against the
/// service after the demo has played on a private anvil, as a reader would type them: each must exit
/// with the code its trailing <c># exit N</c> names, 0 when it names none. Paths under <c>.stack/</c>
/// and the CSV files resolve in a folder of the test's own; <c>$CS_PG_CONNECTION</c> is its database.
/// </summary>
public sealed class DocumentedExamplesTests(PlayedDemoFixture demo) : IClassFixture<PlayedDemoFixture>
{
    private readonly string _root = demo.Root;
    private readonly CliHarness _cli = demo.Cli;

    [Fact]
    public async Task EveryExampleInTheCliGuide_ExitsAsDocumented()
    {
        var (examples, statement) = Parse(await File.ReadAllTextAsync(RepositoryPaths.Combine("docs", "cli.md")));
        await File.WriteAllTextAsync(Path.Combine(_root, "statement.csv"), statement);
        var failures = new List<string>();

        foreach (var (line, expected) in examples)
        {
            var words = ShellWords.Split(line, file => File.ReadAllText(Resolve(file)), name => name == "CS_PG_CONNECTION" ? _cli.Database.ConnectionString : throw new InvalidOperationException($"${name} in docs/cli.md"));
            var run = await CliHarness.RunAsync(["--server", _cli.Address.ToString(), .. words.Skip(1).Select(Resolve)]);
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
                examples.Add(ShellWords.WithoutExitComment(line));
            }
            else if (block == "text" && (line.StartsWith("desk_id,", StringComparison.Ordinal) || (statement.Length > 0 && line.Contains(",USDC,", StringComparison.Ordinal))))
            {
                statement.AppendLine(line);
            }
        }

        return (examples, statement.ToString());
    }

    /// <summary>A path the guide gives relative to the repository (.stack/..., *.csv), in the test's folder instead.</summary>
    private string Resolve(string word) =>
        word.StartsWith(".stack/", StringComparison.Ordinal) || word.EndsWith(".csv", StringComparison.Ordinal) ? Path.Combine(_root, word) : word;
}
