using System.Globalization;
using System.Net;

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

    /// <summary>
    /// Where the admin listener serves <c>/metrics</c> and <c>/healthz</c> (HTTP/1.1, plain text); null
    /// when there is none. <see cref="FromConfiguration"/> defaults it to <c>http://127.0.0.1:9464</c>
    /// (Prometheus' port for exporters); <c>CS_ADMIN_LISTEN=off</c> turns it off.
    /// </summary>
    public Uri? AdminListen { get; init; }

    /// <summary>The Ethereum JSON-RPC endpoint (<c>CS_ANVIL_URL</c>); readiness checks it answers when set.</summary>
    public Uri? ChainRpcUrl { get; init; }

    /// <summary>The chain the mirror and reconciliation use; null runs the ledger without them.</summary>
    public ChainSettings? Chain { get; init; }

    /// <summary>Reconciliation's judgement and schedule (<c>CS_RECON_STALENESS_HOURS</c>, <c>CS_RECON_EVERY_MINUTES</c> or <c>off</c>).</summary>
    public Reconciliation.ReconciliationOptions Reconciliation { get; init; } = new();

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
            AdminListen = ParseAdminListen(NullIfEmpty(configuration["CS_ADMIN_LISTEN"]) ?? "http://127.0.0.1:9464", uri),
            ChainRpcUrl = ParseChainRpcUrl(NullIfEmpty(configuration["CS_ANVIL_URL"])),
            Chain = ChainSettings.FromConfiguration(configuration),
            Reconciliation = ParseReconciliation(configuration),
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

    private static Uri? ParseAdminListen(string value, Uri listen)
    {
        if (string.Equals(value, "off", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        // Plain HTTP only: Prometheus scrapes it on a trusted network, and TLS belongs to the gRPC port.
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme != "http" || uri.AbsolutePath != "/"
            || !(uri.Host == "localhost" || IPAddress.TryParse(uri.Host, out _)))
        {
            throw new InvalidOperationException($"CS_ADMIN_LISTEN must be 'off' or an http:// address with an IP address or localhost and no path, not '{value}'");
        }

        if (uri.Port != 0 && uri.Port == listen.Port)
        {
            throw new InvalidOperationException($"CS_ADMIN_LISTEN must use another port than CS_LISTEN ({listen.Port})");
        }

        return uri;
    }

    private static Uri? ParseChainRpcUrl(string? value)
    {
        if (value is null)
        {
            return null;
        }

        return Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is ("http" or "https")
            ? uri
            : throw new InvalidOperationException($"CS_ANVIL_URL must be an http:// or https:// address, not '{value}'");
    }

    private static Reconciliation.ReconciliationOptions ParseReconciliation(IConfiguration configuration)
    {
        var options = new Reconciliation.ReconciliationOptions();
        if (NullIfEmpty(configuration["CS_RECON_STALENESS_HOURS"]) is { } hours)
        {
            options = options with { StatementStaleness = TimeSpan.FromHours(PositiveInteger(hours, "CS_RECON_STALENESS_HOURS")) };
        }

        if (NullIfEmpty(configuration["CS_RECON_EVERY_MINUTES"]) is { } every)
        {
            options = options with
            {
                Schedule = string.Equals(every, "off", StringComparison.OrdinalIgnoreCase) ? null : TimeSpan.FromMinutes(PositiveInteger(every, "CS_RECON_EVERY_MINUTES")),
            };
        }

        if (NullIfEmpty(configuration["CS_RECON_MARGIN_TOLERANCE"]) is { } tolerance)
        {
            options = options with
            {
                MarginTolerance = tolerance.Length <= 78 && System.Numerics.BigInteger.TryParse(tolerance, NumberStyles.None, CultureInfo.InvariantCulture, out var t)
                    ? t
                    : throw new InvalidOperationException("CS_RECON_MARGIN_TOLERANCE must be a non-negative integer (18 decimals: 1000000000000 is one millionth)"),
            };
        }

        return options;
    }

    private static int PositiveInteger(string value, string name) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new InvalidOperationException($"{name} must be a positive whole number, not '{value}'");

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
