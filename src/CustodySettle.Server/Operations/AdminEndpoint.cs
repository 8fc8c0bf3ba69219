using System.Text;
using CustodySettle.Grpc.Health;

namespace CustodySettle.Server.Operations;

/// <summary>
/// The admin port's requests: <c>GET /metrics</c> (Prometheus text format 0.0.4) and
/// <c>GET /healthz</c> (200 "ok" when the server is Serving, else 503 and the failing checks, one per
/// line). Nothing here reaches the gRPC dispatcher.
/// </summary>
internal sealed class AdminEndpoint(MetricsCollector metrics, ReadinessService readiness, HealthStatusRegistry health)
{
    private const string PlainText = "text/plain; charset=utf-8";

    public Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var path = context.Request.Path.Value;
        if (path is not ("/metrics" or "/healthz"))
        {
            return WriteAsync(context, StatusCodes.Status404NotFound, PlainText, "not found: the admin port serves /metrics and /healthz\n");
        }

        if (!HttpMethods.IsGet(context.Request.Method))
        {
            context.Response.Headers.Allow = "GET";
            return WriteAsync(context, StatusCodes.Status405MethodNotAllowed, PlainText, "only GET\n");
        }

        return path == "/metrics"
            ? WriteAsync(context, StatusCodes.Status200OK, PrometheusTextWriter.ContentType, PrometheusTextWriter.Write(metrics.Collect()))
            : WriteHealthAsync(context);
    }

    private Task WriteHealthAsync(HttpContext context)
    {
        var failing = readiness.Latest.Where(r => !r.Ready).ToList();
        if (failing.Count == 0 && health.Get(string.Empty) == ServingStatus.Serving)
        {
            return WriteAsync(context, StatusCodes.Status200OK, PlainText, "ok\n");
        }

        // No failing check but not Serving: the host is stopping (or not started yet).
        var body = new StringBuilder();
        foreach (var result in failing)
        {
            body.Append(result.Name).Append(": ").Append(result.Reason).Append('\n');
        }

        return WriteAsync(context, StatusCodes.Status503ServiceUnavailable, PlainText, body.Length > 0 ? body.ToString() : "not serving\n");
    }

    private static Task WriteAsync(HttpContext context, int status, string contentType, string body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        // Each scrape sees the state now; no proxy may answer one from an earlier scrape.
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsync(body, context.RequestAborted);
    }
}
