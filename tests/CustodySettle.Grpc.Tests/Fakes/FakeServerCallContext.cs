using Google.Protobuf.Reflection;
using Microsoft.AspNetCore.Http;

namespace CustodySettle.Grpc.Tests.Fakes;

/// <summary>A call context for driving a handler directly: no HTTP, a token the test controls.</summary>
internal sealed class FakeServerCallContext(MethodDescriptor method, CancellationToken cancellationToken = default) : ServerCallContext
{
    private readonly DefaultHttpContext _http = new();

    public override string Method => $"/{method.Service.FullName}/{method.Name}";

    public override MethodDescriptor MethodDescriptor => method;

    public override string Peer => "ipv4:127.0.0.1:50000";

    public override DateTimeOffset? Deadline => null;

    public override CancellationToken CancellationToken => cancellationToken;

    public override Metadata RequestHeaders { get; } = new();

    public override Metadata ResponseTrailers { get; } = new();

    public override Status Status { get; set; } = Status.Ok;

    public override IDictionary<object, object?> Items { get; } = new Dictionary<object, object?>();

    /// <summary>What the handler sent with WriteResponseHeadersAsync, if it did.</summary>
    public Metadata? ResponseHeaders { get; private set; }

    public override Task WriteResponseHeadersAsync(Metadata responseHeaders)
    {
        ResponseHeaders = responseHeaders;
        return Task.CompletedTask;
    }

    public override HttpContext GetHttpContext() => _http;
}
