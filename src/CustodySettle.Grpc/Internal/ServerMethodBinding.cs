using Google.Protobuf.Reflection;

namespace CustodySettle.Grpc.Internal;

/// <summary>One routable RPC: its path, descriptor, and the interceptor pipeline ending in its handler.</summary>
internal sealed class ServerMethodBinding(string path, MethodDescriptor descriptor)
{
    /// <summary><c>/package.Service/Method</c>, case-sensitive (PROTOCOL-HTTP2.md "Path").</summary>
    public string Path { get; } = path;

    public MethodDescriptor Descriptor { get; } = descriptor;

    /// <summary>Client-streaming and duplex calls: Kestrel's body size and rate limits are lifted for them.</summary>
    public bool IsClientStreaming => Descriptor.IsClientStreaming;

    public ServerCallContinuation Pipeline { get; set; } = _ => Task.CompletedTask;
}
