using System.CommandLine;
using CustodySettle.Cli.Output;

namespace CustodySettle.Cli;

/// <summary>What a command's action works with: its parsed line, the service, the output, and Ctrl-C.</summary>
internal sealed class CommandRun(ParseResult parse, CliConsole console, CancellationToken cancellation) : IDisposable
{
    private ServiceClient? _client;

    public ParseResult Parse { get; } = parse;

    public CliConsole Console { get; } = console;

    public CancellationToken Cancellation { get; } = cancellation;

    public MessageView View { get; } = new(console, GlobalOptions.Json(parse));

    /// <summary>The service, connected on first use (migrate, say, never needs it).</summary>
    public ServiceClient Client => _client ??= new ServiceClient(ServerAddress(), GlobalOptions.KeyOf(Parse), TimeSpan.FromSeconds(60));

    public T Value<T>(Option<T> option) => Parse.GetValue(option)!;

    public T Value<T>(Argument<T> argument) => Parse.GetValue(argument)!;

    /// <summary>A stream's messages a line each as they arrive, until it ends, Ctrl-C, or <paramref name="limit"/> of them (0: no limit).</summary>
    public async Task<int> FollowAsync<T>(IAsyncEnumerable<T> stream, int limit)
        where T : Google.Protobuf.IMessage
    {
        var shown = 0;
        await foreach (var item in stream)
        {
            View.ShowLine(item);
            if (++shown == limit)
            {
                break;
            }
        }

        return ExitCodes.Ok;
    }

    public void Dispose() => _client?.Dispose();

    private Uri ServerAddress()
    {
        var text = GlobalOptions.Server(Parse);
        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new CliException(ExitCodes.Usage, $"--server: '{text}' is not an http:// or https:// address");
    }

    /// <summary>An action that runs with a <see cref="CommandRun"/> and reports failures as one line and an exit code.</summary>
    public static void Bind(Command command, CliConsole console, Func<CommandRun, Task<int>> action) =>
        command.SetAction(async (parse, ct) =>
        {
            using var run = new CommandRun(parse, console, ct);
            try
            {
                return await action(run);
            }
            catch (CliException e)
            {
                await console.Error.WriteLineAsync($"error: {e.Message}");
                return e.ExitCode;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return ExitCodes.Failed;
            }
        });
}
