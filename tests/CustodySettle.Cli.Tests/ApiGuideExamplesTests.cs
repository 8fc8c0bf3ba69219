using System.Text.Json;
using CustodySettle.Testing;

namespace CustodySettle.Cli.Tests;

/// <summary>
/// Every grpcurl example in docs/api-guide.md, run in order after the demo has played on a private
/// anvil. grpcurl is not packaged in Debian, so each runs through scripts/grpcurl.py, the guide's
/// reflection-based stand-in on Python grpcio, with the same arguments (the address swapped for this
/// service's). Each must exit as its trailing <c># exit N</c> says (0 otherwise), and answer what the
/// block after it shows: a <c>json</c> block's fields must all be in the answer with those values (a
/// list's items in any order), a <c>text</c> block's lines must all be in it.
/// </summary>
public sealed class ApiGuideExamplesTests(PlayedDemoFixture demo) : IClassFixture<PlayedDemoFixture>
{
    private const string GuideAddress = "127.0.0.1:50051";
    private readonly string _root = demo.Root;
    private readonly CliHarness _cli = demo.Cli;

    [Fact]
    public async Task EveryGrpcurlExampleInTheApiGuide_AnswersAsShown()
    {
        var examples = Parse(await File.ReadAllTextAsync(RepositoryPaths.Combine("docs", "api-guide.md")));
        var failures = new List<string>();
        foreach (var example in examples)
        {
            var (command, exit) = ShellWords.WithoutExitComment(example.Line);
            var words = ShellWords.Split(command, file => File.ReadAllText(Path.Combine(_root, file)), name => throw new InvalidOperationException($"${name} in the guide"));
            var target = $"{_cli.Address.Host}:{_cli.Address.Port}";
            var run = await ProcessRunner.RunAsync("/usr/bin/python3",
                [RepositoryPaths.Combine("scripts", "grpcurl.py"), .. words.Skip(1).Select(w => w == GuideAddress ? target : w)], TimeSpan.FromSeconds(60));
            var problem = run.ExitCode != exit
                ? $"exit {run.ExitCode}, not {exit}: {run.StandardError}"
                : example.Kind switch
                {
                    "json" => Missing(JsonDocument.Parse(example.Answer).RootElement, JsonDocument.Parse(run.StandardOutput).RootElement, "$"),
                    "text" => example.Answer.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(l => !run.StandardOutput.Split('\n').Contains(l)) is { } absent
                        ? $"no line '{absent}'"
                        : null,
                    _ => null,
                };
            if (problem is not null)
            {
                failures.Add($"{example.Line}\n  {problem}\n  answer:\n{run.StandardOutput}");
            }
        }

        Assert.True(examples.Count >= 12, $"only {examples.Count} examples found in docs/api-guide.md");
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    /// <summary>Where <paramref name="actual"/> lacks what <paramref name="expected"/> shows; null when it has it all.</summary>
    private static string? Missing(JsonElement expected, JsonElement actual, string path)
    {
        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in expected.EnumerateObject())
                {
                    if (actual.ValueKind != JsonValueKind.Object || !actual.TryGetProperty(property.Name, out var value))
                    {
                        return $"{path}.{property.Name} is missing";
                    }

                    if (Missing(property.Value, value, $"{path}.{property.Name}") is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            case JsonValueKind.Array:
                var items = actual.ValueKind == JsonValueKind.Array ? actual.EnumerateArray().ToList() : [];
                var index = 0;
                foreach (var item in expected.EnumerateArray())
                {
                    if (!items.Any(a => Missing(item, a, path) is null))
                    {
                        return $"{path}[{index}]: no item has {item}";
                    }

                    index++;
                }

                return null;
            default:
                return expected.ToString() == actual.ToString() && expected.ValueKind == actual.ValueKind ? null : $"{path} is {actual}, not {expected}";
        }
    }

    /// <summary>Each grpcurl line of an sh block, with the json or text block right after it (if any).</summary>
    private static List<(string Line, string Kind, string Answer)> Parse(string markdown)
    {
        var examples = new List<(string Line, string Kind, string Answer)>();
        string? block = null;
        var body = new List<string>();
        foreach (var raw in markdown.Split('\n'))
        {
            var line = raw.TrimEnd();
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                if (block is null)
                {
                    (block, body) = (line[3..], []);
                    continue;
                }

                if (block == "sh")
                {
                    examples.AddRange(body.Where(l => l.StartsWith("grpcurl ", StringComparison.Ordinal)).Select(l => (l, string.Empty, string.Empty)));
                }
                else if (block is "json" or "text" && examples.Count > 0 && examples[^1].Kind.Length == 0)
                {
                    examples[^1] = (examples[^1].Line, block, string.Join('\n', body));
                }

                block = null;
                continue;
            }

            if (block is not null)
            {
                body.Add(line);
            }
            else if (line.Length > 0 && examples.Count > 0 && examples[^1].Kind.Length == 0)
            {
                examples[^1] = (examples[^1].Line, "none", string.Empty); // prose between: the example shows no answer
            }
        }

        return examples;
    }
}
