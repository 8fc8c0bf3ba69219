using System.CommandLine;

namespace CustodySettle.Cli;

/// <summary>The options every command takes: where the service is, the key to call it with, and the output form.</summary>
internal static class GlobalOptions
{
    public const string DefaultServer = "http://127.0.0.1:50051";

    public static readonly Option<string> Server = new("--server")
    {
        Description = $"The service's address (env CS_SERVER; default {DefaultServer})",
        Recursive = true,
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("CS_SERVER") is { Length: > 0 } server ? server : DefaultServer,
    };

    public static readonly Option<string?> Key = new("--key")
    {
        Description = "The API key to call with (env CS_API_KEY)",
        Recursive = true,
    };

    public static readonly Option<FileInfo?> KeyFile = new("--key-file")
    {
        Description = "A file holding the API key, e.g. .stack/operator.key (env CS_API_KEY_FILE)",
        Recursive = true,
    };

    public static readonly Option<bool> Json = new("--json")
    {
        Description = "Print JSON (proto field names, one object per line for streams) instead of tables",
        Recursive = true,
    };

    public static void AddTo(RootCommand root)
    {
        root.Options.Add(Server);
        root.Options.Add(Key);
        root.Options.Add(KeyFile);
        root.Options.Add(Json);
    }

    /// <summary>The key: --key, then --key-file, then CS_API_KEY, then CS_API_KEY_FILE; null when none is given.</summary>
    public static string? KeyOf(ParseResult parse)
    {
        if (parse.GetValue(Key) is { Length: > 0 } key)
        {
            return key;
        }

        if (parse.GetValue(KeyFile) is { } file)
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
