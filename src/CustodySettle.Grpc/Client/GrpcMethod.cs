using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace CustodySettle.Grpc.Client;

/// <summary>
/// One RPC as a client calls it: its path and its message types, taken from the protobuf descriptor
/// (the .proto stays the source of truth, as on the server side).
/// </summary>
public sealed class GrpcMethod<TRequest, TResponse>
    where TRequest : IMessage<TRequest>
    where TResponse : IMessage<TResponse>
{
    /// <summary>The method described by <paramref name="descriptor"/>, whose message types must be the type arguments.</summary>
    /// <exception cref="ArgumentException">The descriptor's input or output type is another CLR type.</exception>
    public GrpcMethod(MethodDescriptor descriptor)
        : this(PathOf(descriptor), descriptor.IsClientStreaming, descriptor.IsServerStreaming, (MessageParser<TResponse>)descriptor.OutputType.Parser)
    {
    }

    internal GrpcMethod(string path, bool isClientStreaming, bool isServerStreaming, MessageParser<TResponse> responseParser)
    {
        Path = path;
        IsClientStreaming = isClientStreaming;
        IsServerStreaming = isServerStreaming;
        ResponseParser = responseParser;
    }

    /// <summary><c>/package.Service/Method</c>, case-sensitive (PROTOCOL-HTTP2.md, "Path").</summary>
    public string Path { get; }

    public bool IsClientStreaming { get; }

    public bool IsServerStreaming { get; }

    internal MessageParser<TResponse> ResponseParser { get; }

    internal void EnsureKind(bool clientStreaming, bool serverStreaming)
    {
        if (IsClientStreaming != clientStreaming || IsServerStreaming != serverStreaming)
        {
            throw new ArgumentException(
                $"{Path} is {Kind(IsClientStreaming, IsServerStreaming)}; it cannot be called as {Kind(clientStreaming, serverStreaming)}.");
        }
    }

    private static string PathOf(MethodDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        if (descriptor.InputType.ClrType != typeof(TRequest) || descriptor.OutputType.ClrType != typeof(TResponse))
        {
            throw new ArgumentException(
                $"{descriptor.FullName} takes {descriptor.InputType.ClrType?.Name} and returns {descriptor.OutputType.ClrType?.Name}, "
                + $"not {typeof(TRequest).Name} and {typeof(TResponse).Name}.",
                nameof(descriptor));
        }

        return $"/{descriptor.Service.FullName}/{descriptor.Name}";
    }

    private static string Kind(bool clientStreaming, bool serverStreaming) => (clientStreaming, serverStreaming) switch
    {
        (false, false) => "unary",
        (false, true) => "server-streaming",
        (true, false) => "client-streaming",
        (true, true) => "duplex-streaming",
    };

    public override string ToString() => Path;
}
