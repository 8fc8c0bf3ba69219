using System.Globalization;

namespace MarginBench;

/// <summary>--name value pairs.</summary>
internal sealed class BenchArgs
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public static BenchArgs Parse(string[] args)
    {
        var parsed = new BenchArgs();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            parsed._values[args[i]] = args[i + 1];
        }

        return parsed;
    }

    public string Required(string name) => _values.TryGetValue(name, out var v) ? v : throw new ArgumentException($"{name} is required");

    public string? Optional(string name) => _values.GetValueOrDefault(name);

    public int Int(string name, int fallback) => _values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
}
