using System.CommandLine;

namespace CustodySettle.Cli;

/// <summary>The options every command takes: where the service is, the key to call it with, and the output form.</summary>
internal static class GlobalOptions
{
    public const string DefaultServer = "http://127.0.0.1:50051";

    public const string ServerName = "--server";
    public const string KeyName = "--key";
    public const string KeyFileName = "--key-file";
    public const string JsonName = "--json";

    /// <summary>
    /// Adds new instances of the options to <paramref name="root"/>: an option belongs to the command
    /// tree it is added to, so each tree (each run; tests run many at once) gets its own.
    /// </summary>
    public static void AddTo(RootCommand root)
    {
        root.Options.Add(new Option<string>(ServerName)
        {
            Description = $"The service's address (env CS_SERVER; default {DefaultServer})",
            Recursive = true,
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("CS_SERVER") is { Length: > 0 } server ? server : DefaultServer,
        });
        root.Options.Add(new Option<string?>(KeyName) { Description = "The API key to call with (env CS_API_KEY)", Recursive = true });
        root.Options.Add(new Option<FileInfo?>(KeyFileName) { Description = "A file holding the API key, e.g. .stack/operator.key (env CS_API_KEY_FILE)", Recursive = true });
        root.Options.Add(new Option<bool>(JsonName)
        {
            Description = "Print JSON (proto field names, one object per line for streams) instead of tables",
            Recursive = true,
        });
    }

    public static string Server(ParseResult parse) => parse.GetValue<string>(ServerName) ?? DefaultServer;

    public static bool Json(ParseResult parse) => parse.GetValue<bool>(JsonName);

    /// <summary>The key: --key, then --key-file, then CS_API_KEY, then CS_API_KEY_FILE; null when none is given.</summary>
    public static string? KeyOf(ParseResult parse)
    {
        if (parse.GetValue<string?>(KeyName) is { Length: > 0 } key)
        {
            return key;
        }

        if (parse.GetValue<FileInfo?>(KeyFileName) is { } file)
        {
            return ReadKeyFile(file.FullName);
        }

        if (Environment.GetEnvironmentVariable("CS_API_KEY") is { Length: > 0 } fromEnvironment)
        {
            return fromEnvironment;
        }

        return Environment.GetEnvironmentVariable("CS_API_KEY_FILE") is { Length: > 0 } path ? ReadKeyFile(path) : null;
    }

    private static string ReadKeyFile(string path)
    {
        try
        {
            return File.ReadAllText(path).Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException(ExitCodes.Usage, $"cannot read the key file {path}: {e.Message}");
        }
    }
}
