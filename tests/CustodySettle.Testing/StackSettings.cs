namespace CustodySettle.Testing;

/// <summary>
/// The local stack's settings, from <c>.stack/stack.env</c> (written by <c>scripts/stack.sh up</c>),
/// each overridable by an environment variable of the same name. A missing stack is an error, never
/// a reason to skip: a test that cannot find PostgreSQL or anvil fails.
/// </summary>
public sealed class StackSettings
{
    private static readonly Lazy<StackSettings> LazyCurrent = new(Load);
    private readonly Dictionary<string, string> _values;

    private StackSettings(Dictionary<string, string> values) => _values = values;

    /// <summary>The settings of the stack this test run uses.</summary>
    public static StackSettings Current => LazyCurrent.Value;

    /// <summary>Connection string of the stack's maintenance database (the cluster superuser).</summary>
    public string PostgresConnectionString => Get("CS_PG_CONNECTION");

    /// <summary>The anvil binary installed from npm.</summary>
    public string AnvilBinary => Get("CS_ANVIL_BIN");

    /// <summary>The stack's long-running anvil node (tests prefer their own, see <see cref="AnvilFixture"/>).</summary>
    public Uri AnvilUrl => new(Get("CS_ANVIL_URL"));

    /// <summary>The forge binary installed from npm.</summary>
    public string ForgeBinary => Get("CS_FORGE_BIN");

    /// <summary>The solc wrapper that lets forge run npm's solc.</summary>
    public string Solc => Get("CS_SOLC");

    /// <summary>A setting by name; throws with the way to fix it when absent.</summary>
    public string Get(string name)
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(name);
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return fromEnvironment;
        }

        return _values.TryGetValue(name, out var value)
            ? value
            : throw new InvalidOperationException(
                $"{name} is not set: the local stack is not up. Run 'scripts/stack.sh up' (the README's test command does).");
    }

    private static StackSettings Load()
    {
        var file = Path.Combine(Environment.GetEnvironmentVariable("CS_STACK_DIR") ?? RepositoryPaths.Combine(".stack"), "stack.env");
        return new StackSettings(File.Exists(file) ? ParseEnvFile(File.ReadAllLines(file)) : []);
    }

    /// <summary>Parses KEY=VALUE lines as stack.sh writes them: '#' starts a comment line; a value in
    /// single quotes loses them, anything else is taken verbatim.</summary>
    public static Dictionary<string, string> ParseEnvFile(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (line.Length == 0 || line[0] == '#' || equals <= 0)
            {
                continue;
            }

            var value = line[(equals + 1)..];
            if (value.Length >= 2 && value[0] == '\'' && value[^1] == '\'')
            {
                value = value[1..^1];
            }

            values[line[..equals]] = value;
        }

        return values;
    }
}
