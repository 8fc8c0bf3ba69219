using CustodySettle.Domain.Access;
using CustodySettle.Grpc;
using Microsoft.Extensions.Logging;

namespace CustodySettle.Access;

/// <summary>
/// The caller of a call, and the scope answers every handler gives alike. A request that names another
/// desk or custodian outright (an owner id, a desk id) is PERMISSION_DENIED whether or not it exists;
/// an object named by its own id (an account) outside the caller's scope is NOT_FOUND, exactly as a
/// missing one, so neither answer tells the caller what others have.
/// </summary>
public sealed class ScopeGuard(AccessMetrics metrics, ILogger<ScopeGuard> logger)
{
    /// <summary>The principal <see cref="AuthenticationInterceptor"/> put on the call.</summary>
    /// <exception cref="InvalidOperationException">The call was not authenticated (a wiring error).</exception>
    public static Principal CallerOf(ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items.TryGetValue(typeof(Principal), out var value) && value is Principal principal
            ? principal
            : throw new InvalidOperationException($"{context.Method} ran without an authenticated principal");
    }

    /// <summary>
    /// The desk a request is about: for a desk key its own, when the request names none or that one
    /// (another is PERMISSION_DENIED, logged); for any other role what the request names (null: none).
    /// </summary>
    public string? DeskFor(ServerCallContext context, string? requested)
    {
        var caller = CallerOf(context);
        if (caller.Role != Role.Desk)
        {
            return requested;
        }

        return requested is null || requested == caller.ScopeId ? caller.ScopeId : throw Deny(context, caller, $"desk_id {requested}");
    }

    /// <summary>PERMISSION_DENIED, logged, for a request that names a scope the caller does not have.</summary>
    public RpcException Deny(ServerCallContext context, Principal principal, string what)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(principal);
        AccessLog.ScopeDenied(logger, context.Method, principal.ToString(), what);
        metrics.Denied("scope", context.Method);
        return new RpcException(StatusCode.PermissionDenied, $"{what}: outside the caller's scope");
    }

    /// <summary>NOT_FOUND, logged as a denial, for an object outside the caller's scope.</summary>
    public RpcException Hide(ServerCallContext context, Principal principal, string notFoundMessage)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(principal);
        AccessLog.ScopeDenied(logger, context.Method, principal.ToString(), $"hidden as not found: {notFoundMessage}");
        metrics.Denied("scope", context.Method);
        return new RpcException(StatusCode.NotFound, notFoundMessage);
    }
}
