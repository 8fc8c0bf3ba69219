using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace CustodySettle.Server.Operations;

/// <summary>
/// The admin port's Kestrel listener. Every connection it accepts carries this object as a connection
/// feature, which HTTP requests see among their features: requests are told apart by the listener that
/// accepted them, never by a port number or a Host header (port 0 and any Host work).
/// </summary>
internal sealed class AdminListener
{
    private ListenOptions? _options;

    /// <summary>Where the listener is bound once the server has started (the real port when 0 was asked).</summary>
    public IPEndPoint? BoundEndPoint => _options?.IPEndPoint;

    /// <summary>HTTP/1.1 only: what Prometheus and curl speak; gRPC stays on its own HTTP/2 listener.</summary>
    public void Configure(ListenOptions listen)
    {
        ArgumentNullException.ThrowIfNull(listen);
        listen.Protocols = HttpProtocols.Http1;
        listen.Use(next => connection =>
        {
            connection.Features.Set(this);
            return next(connection);
        });
        _options = listen;
    }

    public bool Accepted(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ReferenceEquals(context.Features.Get<AdminListener>(), this);
    }
}
