using System.Globalization;

namespace CustodySettle.Server;

/// <summary>
/// The service's settings, from configuration (environment variables with the <c>CS_</c> names the
/// local stack writes to .stack/stack.env, or command-line <c>--CS_LISTEN=...</c>).
/// </summary>
internal sealed record ServerSettings
{
    /// <summary>Where gRPC is served: <c>http://127.0.0.1:50051</c> (h2c) unless set.</summary>
    public required Uri Listen { get; init; }

    /// <summary>PEM certificate and key: when both are set, gRPC is served over TLS (HTTP/2 by ALPN).</summary>
    public string? TlsCertificatePath { get; init; }

    public string? TlsKeyPath { get; init; }

    /// <summary>PostgreSQL connection string; migrations are applied at start-up when set.</summary>
    public string? PostgresConnectionString { get; init; }

    /// <summary>An operator key (csk_...) to register at start-up, for a new installation's first operator.</summary>
    public string? BootstrapOperatorKey { get; init; }

    /// <summary>Largest request message, bytes (gRPC default 4 MiB).</summary>
    public int MaxReceiveMessageSize { get; init; } = 4 * 1024 * 1024;

    public static ServerSettings FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var listen = configuration["CS_LISTEN"] ?? "http://127.0.0.1:50051";
        if (!Uri.TryCreate(listen, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new InvalidOperationException($"CS_LISTEN must be an http:// or https:// address, not '{listen}'");
        }

        var settings = new ServerSettings
        {
            Listen = uri,
            TlsCertificatePath = NullIfEmpty(configuration["CS_TLS_CERT"]),
            TlsKeyPath = NullIfEmpty(configuration["CS_TLS_KEY"]),
            PostgresConnectionString = NullIfEmpty(configuration["CS_PG_CONNECTION"]),
            BootstrapOperatorKey = NullIfEmpty(configuration["CS_OPERATOR_KEY"]),
        };
        if (settings.BootstrapOperatorKey is { } key && !Access.ApiKeyToken.TryParse(key, out _))
        {
            throw new InvalidOperationException("CS_OPERATOR_KEY must be a csk_<32 hex>_<secret> key (scripts/run.sh makes one)");
        }
        if ((settings.TlsCertificatePath is null) != (settings.TlsKeyPath is null))
        {
            throw new InvalidOperationException("CS_TLS_CERT and CS_TLS_KEY go together: set both for TLS, or neither");
        }

        if (configuration["CS_MAX_RECEIVE_MESSAGE_SIZE"] is { Length: > 0 } max)
        {
            settings = settings with { MaxReceiveMessageSize = int.Parse(max, NumberStyles.None, CultureInfo.InvariantCulture) };
        }

        return settings;
    }

    public bool UsesTls => TlsCertificatePath is not null;

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
