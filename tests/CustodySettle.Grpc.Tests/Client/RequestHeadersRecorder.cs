using System.Collections.Concurrent;

namespace CustodySettle.Grpc.Tests.Client;

/// <summary>A server interceptor that records the raw request headers of every call, by the value of its x-test-id header.</summary>
public sealed class RequestHeadersRecorder : IServerInterceptor
{
    private readonly ConcurrentDictionary<string, Dictionary<string, string>> _calls = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, string> Get(string testId) => _calls[testId];

    public bool Contains(string testId) => _calls.ContainsKey(testId);

    public Task InterceptAsync(ServerCallContext context, ServerCallContinuation continuation)
    {
        var headers = context.GetHttpContext().Request.Headers;
        if (headers.TryGetValue("x-test-id", out var id))
        {
            _calls[id.ToString()] = headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        }

        return continuation(context);
    }
}
