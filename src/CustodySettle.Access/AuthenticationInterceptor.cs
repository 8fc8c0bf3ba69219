using CustodySettle.Domain.Access;
using CustodySettle.Grpc;
using Microsoft.Extensions.Logging;

namespace CustodySettle.Access;

/// <summary>
/// Authenticates every call of a protected package with its <c>authorization: Bearer &lt;key&gt;</c>
/// metadata and applies <see cref="AccessPolicy"/> before the request is read. A missing, malformed,
/// unknown or revoked key is UNAUTHENTICATED; a role the RPC does not allow is PERMISSION_DENIED. The
/// two messages never depend on whether some other principal's object exists.
/// </summary>
public sealed class AuthenticationInterceptor : IServerInterceptor
{
    private const string BearerPrefix = "Bearer ";

    private readonly PostgresApiKeyStore _keys;
    private readonly AccessPolicy _policy;
    private readonly AccessMetrics _metrics;
    private readonly ILogger<AuthenticationInterceptor> _logger;

    public AuthenticationInterceptor(PostgresApiKeyStore keys, AccessPolicy policy, AccessMetrics metrics, ILogger<AuthenticationInterceptor> logger)
    {
        (_keys, _policy, _metrics, _logger) = (keys, policy, metrics, logger);
    }

    public async Task InterceptAsync(ServerCallContext context, ServerCallContinuation continuation)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(continuation);
        if (_policy.IsOpen(context.Method))
        {
            await continuation(context);
            return;
        }

        var header = context.RequestHeaders.GetValue("authorization");
        if (header is null || !header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            throw Unauthenticated(context, header is null ? "no authorization metadata" : "authorization is not a Bearer key");
        }

        var principal = await _keys.AuthenticateAsync(header[BearerPrefix.Length..].Trim(), context.CancellationToken)
            ?? throw Unauthenticated(context, "unknown, malformed or revoked key");
        if (!_policy.Allows(context.Method, principal.Role))
        {
            AccessLog.RoleDenied(_logger, context.Method, principal.ToString(), RoleNames.Name(principal.Role), context.Peer);
            _metrics.Denied("role", context.Method);
            throw new RpcException(StatusCode.PermissionDenied, $"a {RoleNames.Name(principal.Role)} key may not call {context.Method}");
        }

        context.Items[typeof(Principal)] = principal;
        await continuation(context);
    }

    private RpcException Unauthenticated(ServerCallContext context, string reason)
    {
        AccessLog.Unauthenticated(_logger, context.Method, context.Peer, reason);
        _metrics.Denied("unauthenticated", context.Method);
        return new RpcException(StatusCode.Unauthenticated, "a valid API key is required: send 'authorization: Bearer <key>'");
    }
}
