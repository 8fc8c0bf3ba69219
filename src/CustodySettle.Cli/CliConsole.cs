using Spectre.Console;

namespace CustodySettle.Cli;

/// <summary>
/// Where the CLI writes: tables and progress to <see cref="Out"/> (a Spectre console), JSON and stream
/// lines to <see cref="Raw"/> unformatted, errors to <see cref="Error"/>. Tests pass writers of their own.
/// </summary>
internal sealed class CliConsole(IAnsiConsole output, TextWriter raw, TextWriter error, bool interactive)
{
    public IAnsiConsole Out { get; } = output;

    public TextWriter Raw { get; } = raw;

    public TextWriter Error { get; } = error;

    /// <summary>A person at a terminal: progress is drawn; otherwise it is left out of the output.</summary>
    public bool Interactive { get; } = interactive;

    public static CliConsole System() =>
        new(AnsiConsole.Console, Console.Out, Console.Error, !Console.IsOutputRedirected && !Console.IsErrorRedirected);

    /// <summary>A console writing plain text (no colour, no cursor moves, 200 columns) to <paramref name="output"/>.</summary>
    public static CliConsole Plain(TextWriter output, TextWriter error)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = 200;
        return new CliConsole(console, output, error, interactive: false);
    }
}
