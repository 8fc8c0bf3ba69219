using System.CommandLine;
using System.Globalization;
using Google.Protobuf.WellKnownTypes;

namespace CustodySettle.Cli.Commands;

/// <summary>Options several commands share, and the parsing of the values people type.</summary>
internal static class CommonOptions
{
    /// <summary>The idempotency key of a write: give the same one when retrying, to get the first outcome back.</summary>
    public static Option<string> RequestId() => new("--request-id")
    {
        Description = "Idempotency key, a UUID; retry with the same one to get the original outcome (default: a new one)",
        DefaultValueFactory = _ => Guid.NewGuid().ToString(),
    };

    public static Option<string> Required(string name, string description) => new(name) { Description = description, Required = true };

    public static Option<string> Optional(string name, string description) => new(name) { Description = description, DefaultValueFactory = _ => string.Empty };

    /// <summary>An instant as ISO 8601 (2026-12-04T10:00:00Z); empty for none.</summary>
    public static Timestamp? Instant(string text, string option)
    {
        if (text.Length == 0)
        {
            return null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? Timestamp.FromDateTimeOffset(at)
            : throw new CliException(ExitCodes.Usage, $"{option}: '{text}' is not an ISO 8601 instant such as 2026-12-04T10:00:00Z");
    }

    /// <summary>A duration as 24h, 90m, 30s or 2d.</summary>
    public static Duration Span(string text, string option)
    {
        if (text.Length >= 2 && long.TryParse(text[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            TimeSpan? span = text[^1] switch
            {
                's' => TimeSpan.FromSeconds(count),
                'm' => TimeSpan.FromMinutes(count),
                'h' => TimeSpan.FromHours(count),
                'd' => TimeSpan.FromDays(count),
                _ => null,
            };
            if (span is { } value)
            {
                return Duration.FromTimeSpan(value);
            }
        }

        throw new CliException(ExitCodes.Usage, $"{option}: '{text}' is not a duration such as 30s, 90m, 24h or 2d");
    }

    /// <summary>An enum value by its short name (deposit for TRANSFER_DIRECTION_DEPOSIT), any case; empty gives the default.</summary>
    public static T Choice<T>(string text, string option)
        where T : struct, System.Enum
    {
        if (text.Length == 0)
        {
            return default;
        }

        var names = System.Enum.GetNames<T>().Where(n => n != "Unspecified").Select(n => n.ToLowerInvariant()).ToList();
        return System.Enum.TryParse<T>(text.Replace("_", string.Empty, StringComparison.Ordinal), ignoreCase: true, out var value) && !value.Equals(default(T))
            ? value
            : throw new CliException(ExitCodes.Usage, $"{option}: '{text}' is not one of {string.Join(", ", names)}");
    }
}
