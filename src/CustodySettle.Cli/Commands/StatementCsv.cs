using CustodySettle.Api.V1;
using Spectre.Console;

namespace CustodySettle.Cli.Commands;

/// <summary>
/// A custodian's statement file: a header line, then <c>desk_id,asset,balance[,reference]</c> per line
/// (no quoting: none of the fields may hold a comma). Every bad line is reported with its number, and
/// nothing is sent unless all are good.
/// </summary>
internal static class StatementCsv
{
    public static async Task<List<StatementLine>> ReadAsync(FileInfo file, CommandRun run, CancellationToken ct)
    {
        string[] text;
        try
        {
            text = await File.ReadAllLinesAsync(file.FullName, ct);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException(ExitCodes.Usage, $"cannot read {file.FullName}: {e.Message}");
        }

        if (text.Length == 0 || !text[0].StartsWith("desk_id,asset,balance", StringComparison.OrdinalIgnoreCase))
        {
            throw new CliException(ExitCodes.Usage, $"{file.Name}: the first line must be the header desk_id,asset,balance[,reference]");
        }

        var lines = new List<StatementLine>();
        var errors = new List<string>();
        void ReadAll(Action<int>? advance)
        {
            for (var i = 1; i < text.Length; i++)
            {
                advance?.Invoke(1);
                if (text[i].Trim().Length == 0)
                {
                    continue;
                }

                var fields = text[i].Split(',');
                if (fields.Length is < 3 or > 4 || fields.Take(3).Any(f => f.Trim().Length == 0))
                {
                    errors.Add($"line {i + 1}: expected desk_id,asset,balance[,reference], got '{text[i]}'");
                    continue;
                }

                lines.Add(new StatementLine { DeskId = fields[0].Trim(), Asset = fields[1].Trim(), Balance = fields[2].Trim(), Reference = fields.Length == 4 ? fields[3].Trim() : string.Empty });
            }
        }

        if (run.Console.Interactive && !run.View.Json)
        {
            run.Console.Out.Progress().Start(progress =>
            {
                var task = progress.AddTask($"reading {file.Name}", maxValue: Math.Max(1, text.Length - 1));
                ReadAll(step => task.Increment(step));
            });
        }
        else
        {
            ReadAll(null);
        }

        if (errors.Count > 0)
        {
            throw new CliException(ExitCodes.Usage, $"{file.Name}: {errors.Count} bad line(s), nothing was sent:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", errors.Take(20))}");
        }

        return lines;
    }
}
