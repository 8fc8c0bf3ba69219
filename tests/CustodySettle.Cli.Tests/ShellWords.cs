using System.Text;
using System.Text.RegularExpressions;

namespace CustodySettle.Cli.Tests;

/// <summary>
/// A documented command line as a reader's shell splits it: blanks separate words, single and double
/// quotes group them, <c>$(cat FILE)</c> and <c>$NAME</c> expand through the caller's lookups; a
/// trailing <c># exit N</c> is the expected exit status (0 when absent).
/// </summary>
internal static partial class ShellWords
{
    public static (string Command, int Exit) WithoutExitComment(string line)
    {
        var exit = ExitComment().Match(line);
        return exit.Success
            ? (line[..exit.Index].TrimEnd(), int.Parse(exit.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))
            : (line.TrimEnd(), 0);
    }

    public static List<string> Split(string command, Func<string, string> readFile, Func<string, string> variable)
    {
        command = CatSubstitution().Replace(command, m => readFile(m.Groups[1].Value).Trim());
        var words = new List<string>();
        var word = new StringBuilder();
        char? quote = null;
        var any = false;
        for (var i = 0; i < command.Length; i++)
        {
            var c = command[i];
            if (quote is { } open)
            {
                if (c == open)
                {
                    quote = null;
                }
                else if (c == '$' && open == '"' && VariableAt(command, i) is { } name)
                {
                    word.Append(variable(name));
                    i += name.Length;
                }
                else
                {
                    word.Append(c);
                }
            }
            else if (c is '"' or '\'')
            {
                (quote, any) = (c, true);
            }
            else if (c == ' ')
            {
                if (any)
                {
                    words.Add(word.ToString());
                }

                (word, any) = (new StringBuilder(), false);
            }
            else if (c == '$' && VariableAt(command, i) is { } name)
            {
                (_, any) = (word.Append(variable(name)), true);
                i += name.Length;
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

        return words;
    }

    private static string? VariableAt(string text, int dollar)
    {
        var match = VariableName().Match(text, dollar + 1);
        return match.Success && match.Index == dollar + 1 ? match.Value : null;
    }

    [GeneratedRegex(@"#\s*exit\s+(\d+)\s*$")]
    private static partial Regex ExitComment();

    [GeneratedRegex(@"\$\(cat ([^)]+)\)")]
    private static partial Regex CatSubstitution();

    [GeneratedRegex(@"[A-Z_][A-Z0-9_]*")]
    private static partial Regex VariableName();
}
