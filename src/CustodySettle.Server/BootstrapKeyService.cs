using CustodySettle.Access;

namespace CustodySettle.Server;

/// <summary>
/// Registers <c>CS_OPERATOR_KEY</c> as an operator key once the migrations are applied (hosted services
/// start in order, before Kestrel): how a new installation gets its first operator, who then issues
/// every other key over AdminService. A key revoked since stays revoked.
/// </summary>
internal sealed partial class BootstrapKeyService(ServerSettings settings, PostgresApiKeyStore keys, ILogger<BootstrapKeyService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // ServerSettings has checked the key's form, so it parses.
        if (settings.BootstrapOperatorKey is { } token && ApiKeyToken.TryParse(token, out var keyId))
        {
            await keys.EnsureBootstrapOperatorAsync(token, cancellationToken);
            Registered(logger, keyId);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 900, Level = LogLevel.Information, Message = "Bootstrap operator key {KeyId:N} is registered (CS_OPERATOR_KEY)")]
    private static partial void Registered(ILogger logger, Guid keyId);
}
